package org.medops.gateway;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide limits: every node counts in the same Redis keys (one-second windows, day
 * counters, nonce keys with the replay window as TTL). When Redis fails, the node falls back to its
 * own memory rather than refusing traffic, and says so in the log.
 */
final class RedisLimiter implements Limiter {

    private static final Logger log = LoggerFactory.getLogger(RedisLimiter.class);
    private static final String COUNT = """
            local c = redis.call('INCR', KEYS[1])
            if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return c""";

    private final RedisAPI redis;
    private final LocalLimiter fallback;
    private final long nonceWindowMillis;
    private volatile long lastWarning;

    RedisLimiter(RedisAPI redis, LocalLimiter fallback, Duration nonceWindow) {
        this.redis = redis;
        this.fallback = fallback;
        this.nonceWindowMillis = nonceWindow.toMillis();
    }

    @Override
    public Future<Boolean> allow(String key, int perSecond) {
        long second = System.currentTimeMillis() / 1000;
        return count("medops:rl:" + key + ":" + second, 2000)
                .map(count -> count <= perSecond)
                .recover(e -> degraded(e, fallback.allow(key, perSecond)));
    }

    @Override
    public Future<Boolean> allowDaily(String key, long perDay, LocalDate day) {
        return count("medops:quota:" + key + ":" + day, Duration.ofDays(2).toMillis())
                .map(count -> count <= perDay)
                .recover(e -> degraded(e, fallback.allowDaily(key, perDay, day)));
    }

    @Override
    public Future<Boolean> firstUse(String nonceKey) {
        return redis.set(List.of("medops:nonce:" + nonceKey, "1", "NX", "PX", Long.toString(nonceWindowMillis)))
                .map(response -> response != null && "OK".equals(response.toString()))
                .recover(e -> degraded(e, fallback.firstUse(nonceKey)));
    }

    private Future<Long> count(String key, long ttlMillis) {
        return redis.eval(List.of(COUNT, "1", key, Long.toString(ttlMillis))).map(Response::toLong);
    }

    private <T> Future<T> degraded(Throwable e, Future<T> local) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > 10_000) {
            lastWarning = now;
            log.warn("Redis unavailable for cluster-wide limits, using this node's own: {}", e.toString());
        }
        return local;
    }
}
