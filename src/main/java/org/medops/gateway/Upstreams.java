package org.medops.gateway;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Round robin over a service's upstreams with passive health marking: an upstream that refused a
 * connection is skipped for a while, unless every upstream is marked.
 */
final class Upstreams {

    private static final long MARK_NANOS = 10_000_000_000L;

    private final List<URI> targets;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray markedUntil;

    Upstreams(List<String> urls) {
        this.targets = urls.stream().map(URI::create).toList();
        this.markedUntil = new AtomicLongArray(targets.size());
    }

    int pick(long nowNanos) {
        int size = targets.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            int candidate = (start + i) % size;
            if (markedUntil.get(candidate) - nowNanos <= 0) {
                return candidate;
            }
        }
        return start;
    }

    URI target(int index) {
        return targets.get(index);
    }

    void markDown(int index, long nowNanos) {
        markedUntil.set(index, nowNanos + MARK_NANOS);
    }

    void markUp(int index) {
        markedUntil.set(index, 0);
    }

    boolean healthy(int index, long nowNanos) {
        return markedUntil.get(index) - nowNanos <= 0;
    }

    int size() {
        return targets.size();
    }
}
