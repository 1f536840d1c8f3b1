package org.medops.gateway;

import java.time.Clock;
import java.time.Instant;

import io.vertx.core.Future;

/** Step 5: the signature matches one of the channel's valid secrets, and the nonce is used for the first time. */
final class AuthenticationStep implements GatewayStep {

    private final Limiter limiter;
    private final Clock clock;

    AuthenticationStep(Limiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        Exchange.SignedHeaders signed = exchange.signed;
        Instant now = clock.instant();
        String stringToSign = Signature.stringToSign(exchange.method, exchange.path, exchange.query,
                signed.timestamp(), signed.nonce(), exchange.body.getBytes());
        boolean valid = exchange.channel.secrets().stream().filter(s -> s.validAt(now))
                .anyMatch(s -> Signature.matches(Signature.sign(s.secret(), stringToSign), signed.signature()));
        if (!valid) {
            return GatewayStep.reject(GatewayError.AUTH_SIGNATURE);
        }
        // A check that did not answer counts as a replay: a nonce is never let through unchecked.
        return limiter.firstUse(signed.appKey() + ":" + signed.nonce()).transform(first ->
                Boolean.TRUE.equals(first.result()) ? PASS : GatewayStep.reject(GatewayError.AUTH_REPLAY));
    }
}
