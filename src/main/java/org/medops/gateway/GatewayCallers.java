package org.medops.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import io.vertx.core.MultiMap;
import jakarta.servlet.http.HttpServletRequest;
import org.medops.catalog.BuiltInServices;
import org.medops.shared.Secrets;
import org.springframework.stereotype.Component;

/**
 * How a built-in service (an endpoint of MedOps under {@code /builtin/**} that the catalog lists as an upstream) knows
 * which channel the gateway admitted. The gateway adds to each call it forwards to the built-in base address a proof:
 * an HMAC, under a key derived from the installation key, of the method, the exact path and query it sends, the channel,
 * the request id and the time. Headers a client sends itself prove nothing, and a proof sent for one path or channel
 * fits no other. Calls to other upstreams carry no proof.
 */
@Component
public class GatewayCallers {

    static final String TIME = "X-MedOps-Gateway-Time";
    static final String PROOF = "X-MedOps-Gateway-Proof";
    static final String CHANNEL = "X-MedOps-Channel";
    static final String REQUEST_ID = "X-Request-Id";
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final SecretKey key;
    private final BuiltInServices builtIn;
    private final Clock clock;

    GatewayCallers(Secrets secrets, BuiltInServices builtIn, Clock clock) {
        this.key = secrets.derivedKey("gateway built-in service proof");
        this.builtIn = builtIn;
        this.clock = clock;
    }

    /** The channel the gateway admitted, when the request carries a valid, fresh proof for exactly this call. */
    public Optional<GatewayCaller> verify(HttpServletRequest request) {
        String channel = request.getHeader(CHANNEL);
        String requestId = request.getHeader(REQUEST_ID);
        String time = request.getHeader(TIME);
        String proof = request.getHeader(PROOF);
        if (channel == null || requestId == null || time == null || proof == null) {
            return Optional.empty();
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(time);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(clock.millis() - sentAt) > MAX_AGE.toMillis()) {
            return Optional.empty();
        }
        String query = request.getQueryString();
        String pathAndQuery = request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        byte[] expected = mac(request.getMethod(), pathAndQuery, channel, requestId, time);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(proof);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expected, presented)
                ? Optional.of(new GatewayCaller(channel, requestId)) : Optional.empty();
    }

    /** Whether calls to {@code target} go to this installation's built-in services and so carry a proof. */
    boolean builtIn(URI target) {
        return builtIn.base().map(base -> base.getScheme().equals(target.getScheme())
                && base.getAuthority().equals(target.getAuthority())).orElse(false);
    }

    /** Adds the proof for a call forwarded as {@code method pathAndQuery} on behalf of {@code channel}. */
    void sign(MultiMap headers, String method, String pathAndQuery, String channel, String requestId) {
        String time = Long.toString(clock.millis());
        headers.set(TIME, time);
        headers.set(PROOF, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(method, pathAndQuery, channel, requestId, time)));
    }

    private byte[] mac(String method, String pathAndQuery, String channel, String requestId, String time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String data = method + "\n" + pathAndQuery + "\n" + channel + "\n" + requestId + "\n" + time;
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the gateway proof", e);
        }
    }
}
