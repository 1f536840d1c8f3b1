package org.medops.integration.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.medops.integration.channels.ChannelDocument;

/**
 * The wait before attempt n+1: {@code initial × 2^(n-1)}, capped at {@code max}, then a random part of it
 * ("equal jitter": between half and all of it), so that many queues coming back after an outage do not retry
 * in step.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempts, ChannelDocument.Retry retry) {
        long initial = retry.initial().toMillis();
        long cap = retry.max().toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delay = Math.min(cap, initial * (1L << doublings));
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(delay - half + 1));
    }
}
