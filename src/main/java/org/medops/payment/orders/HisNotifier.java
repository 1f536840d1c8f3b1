package org.medops.payment.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.medops.payment.merchants.HisEndpoint;
import org.medops.payment.merchants.PaymentMerchants;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the HIS each result from the outbox: POST of the result JSON, signed {@code X-MedOps-Signature:
 * base64(HMAC-SHA256(key, timestamp + "\n" + body))} with {@code X-MedOps-Timestamp} and {@code X-MedOps-Result-Id};
 * a 2xx answer acknowledges it, anything else is retried later with a growing wait. A result claimed by a node that
 * died is taken again once its lease runs out, so nothing acknowledged by the platform is lost.
 */
@Component
class HisNotifier {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private final HisOutbox outbox;
    private final OrderRecords orders;
    private final PaymentMerchants merchants;
    private final PaymentSettings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HisNotifier(HisOutbox outbox, OrderRecords orders, PaymentMerchants merchants, PaymentSettings settings,
                Clock clock) {
        this.outbox = outbox;
        this.orders = orders;
        this.merchants = merchants;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medops.payment.his-interval:1s}", initialDelayString = "${medops.payment.his-interval:1s}")
    void dispatch() {
        Instant now = clock.instant();
        for (HisOutbox.Pending pending : outbox.claim(now, now.plus(LEASE), 20)) {
            deliver(pending);
        }
    }

    private void deliver(HisOutbox.Pending pending) {
        Optional<HisEndpoint> endpoint = merchants.hisEndpoint(pending.merchant());
        if (endpoint.isEmpty()) {
            retry(pending, "no HIS endpoint for merchant " + pending.merchant());
            return;
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.get().url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-MedOps-Result-Id", pending.resultKey())
                    .header("X-MedOps-Timestamp", timestamp)
                    .header("X-MedOps-Signature", sign(endpoint.get().signingKey(), timestamp + "\n" + pending.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(pending.payload(), StandardCharsets.UTF_8)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                Instant at = clock.instant();
                outbox.acknowledged(pending.id(), at);
                orders.event(pending.outTradeNo(), at, "HIS_CONFIRMED", pending.kind());
            } else {
                retry(pending, "HIS answered " + status);
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            retry(pending, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(HisOutbox.Pending pending, String error) {
        long seconds = Math.min(1L << Math.min(pending.attempts(), 20), settings.hisRetryMax().toSeconds());
        Instant now = clock.instant();
        outbox.failed(pending.id(), error, now.plusSeconds(Math.max(1, seconds)));
        if (pending.attempts() == 0 || pending.attempts() % 10 == 0) {
            orders.event(pending.outTradeNo(), now, "HIS_RETRY", pending.kind() + " " + error);
        }
    }

    static String sign(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
