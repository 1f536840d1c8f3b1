package org.medops.gateway;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;

/** Limits kept in this node's memory: token buckets, daily counters and a nonce window. */
final class LocalLimiter implements Limiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> daily = new ConcurrentHashMap<>();
    private final NonceMemory nonces;

    LocalLimiter(Duration nonceWindow) {
        this.nonces = new NonceMemory(nonceWindow);
    }

    @Override
    public Future<Boolean> allow(String key, int perSecond) {
        return Future.succeededFuture(tryAcquire(key, perSecond));
    }

    boolean tryAcquire(String key, int perSecond) {
        TokenBucket bucket = buckets.compute(key, (k, existing) ->
                existing == null || existing.rate != perSecond ? new TokenBucket(perSecond) : existing);
        return bucket.take(System.nanoTime());
    }

    @Override
    public Future<Boolean> allowDaily(String key, long perDay, LocalDate day) {
        return Future.succeededFuture(tryDaily(key, perDay, day));
    }

    boolean tryDaily(String key, long perDay, LocalDate day) {
        String dayKey = key + "|" + day;
        if (daily.size() > 10_000) {
            daily.keySet().removeIf(k -> !k.endsWith("|" + day));
        }
        return daily.computeIfAbsent(dayKey, k -> new AtomicLong()).incrementAndGet() <= perDay;
    }

    @Override
    public Future<Boolean> firstUse(String nonceKey) {
        return Future.succeededFuture(rememberNonce(nonceKey));
    }

    boolean rememberNonce(String nonceKey) {
        return nonces.firstUse(nonceKey, System.nanoTime());
    }

    /** Refills continuously at {@code rate} per second, holding at most one second's worth. */
    private static final class TokenBucket {
        private final int rate;
        private double tokens;
        private long last;

        TokenBucket(int rate) {
            this.rate = rate;
            this.tokens = rate;
            this.last = System.nanoTime();
        }

        synchronized boolean take(long now) {
            tokens = Math.min(rate, tokens + (now - last) * rate / 1_000_000_000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
