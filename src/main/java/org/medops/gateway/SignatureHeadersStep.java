package org.medops.gateway;

import java.time.Clock;
import java.time.Duration;

import io.vertx.core.Future;

/**
 * Step 3: everything about the credentials that needs no body, checked before a byte of it is
 * buffered: the four headers, a known app key, a timestamp within the clock skew, and a declared
 * length within the limit.
 */
final class SignatureHeadersStep implements GatewayStep {

    private final Clock clock;
    private final Duration clockSkew;
    private final long maxBodyBytes;

    SignatureHeadersStep(Clock clock, Duration clockSkew, long maxBodyBytes) {
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        String appKey = exchange.header("X-App-Key");
        String timestamp = exchange.header("X-Timestamp");
        String nonce = exchange.header("X-Nonce");
        String signature = exchange.header("X-Signature");
        if (isBlank(appKey) || isBlank(timestamp) || isBlank(signature) || nonce == null || nonce.length() < 16
                || nonce.length() > 128) {
            return GatewayStep.reject(GatewayError.AUTH_MISSING);
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return GatewayStep.reject(GatewayError.AUTH_MISSING);
        }
        ChannelRuntime channel = exchange.table.channel(appKey);
        if (channel == null) {
            return GatewayStep.reject(GatewayError.AUTH_SIGNATURE);
        }
        exchange.channel = channel;
        exchange.channelCode = channel.access().code();
        exchange.signed = new Exchange.SignedHeaders(appKey, timestamp, nonce, signature);
        if (Math.abs(clock.instant().toEpochMilli() - millis) > clockSkew.toMillis()) {
            return GatewayStep.reject(GatewayError.AUTH_EXPIRED);
        }
        if (contentLength(exchange.header("Content-Length")) > maxBodyBytes) {
            return GatewayStep.reject(GatewayError.BODY_TOO_LARGE);
        }
        return PASS;
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
