package org.medops.gateway;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Step 10: for services that capture bodies, keeps the masked request body and headers for the
 * access log; {@link #mask} does the same for the response as it is relayed. Patient identifiers are
 * masked once, by the service's masker; the gateway-wide credential fields come on top.
 */
final class CaptureStep implements GatewayStep {

    private final Set<String> maskedHeaders;
    private final BodyMasker credentials;
    private final int limitBytes;

    CaptureStep(List<String> maskedHeaders, List<String> maskedFields, int limitBytes) {
        this.maskedHeaders = maskedHeaders(maskedHeaders);
        this.credentials = BodyMasker.fieldsOnly(maskedFields, true);
        this.limitBytes = limitBytes;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        if (exchange.service.definition().captureBodies()) {
            exchange.requestBody = mask(exchange.service, exchange.body);
            exchange.requestHeaders = capturedHeaders(exchange.headers, maskedHeaders);
        }
        return PASS;
    }

    int limitBytes() {
        return limitBytes;
    }

    String mask(ServiceRuntime service, Buffer body) {
        int length = Math.min(body.length(), limitBytes);
        String text = new String(body.getBytes(0, length), StandardCharsets.UTF_8);
        return credentials.mask(service.masker().mask(text));
    }

    /** Credentials of HTTP itself are always masked; the configured names come on top. */
    static Set<String> maskedHeaders(List<String> configured) {
        Set<String> names = new HashSet<>(Set.of("authorization", "proxy-authorization", "cookie", "x-signature"));
        configured.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
        return Set.copyOf(names);
    }

    /** Headers one per line; credentials keep only their first characters. */
    static String capturedHeaders(MultiMap headers, Set<String> masked) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> {
            boolean secret = masked.contains(name.toLowerCase(Locale.ROOT));
            out.append(name).append(": ")
                    .append(secret ? value.substring(0, Math.min(4, value.length())) + "******" : value).append('\n');
        });
        return out.toString();
    }
}
