package org.medops.integration.delivery;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's claim on one lane: taken when free or expired, renewed every {@link #RENEWAL} while held (by the
 * node's lease keeper, also during a slow send), and trusted locally only until shortly before the database
 * lets another node take it. A renewal that fails or finds the lease taken ends the right to send at once.
 */
final class Lease {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    /** Six seconds: after a kill -9 another node sends within lease + standby poll (about 7 s). */
    static final Duration TERM = Duration.ofSeconds(6);
    static final Duration RENEWAL = Duration.ofSeconds(2);
    /** Stop trusting the lease this long before it expires in the database. */
    private static final long MARGIN_NANOS = Duration.ofSeconds(1).toNanos();

    private final LaneId lane;
    private final String node;
    private final Leases leases;
    private final Supplier<String> breaker;
    private volatile long validUntil = Long.MIN_VALUE;
    private volatile boolean held;

    Lease(LaneId lane, String node, Leases leases, Supplier<String> breaker) {
        this.lane = lane;
        this.node = node;
        this.leases = leases;
        this.breaker = breaker;
    }

    /** True while this node may send: it holds the lease and its last renewal is recent enough. */
    boolean held() {
        return held && System.nanoTime() - validUntil < 0;
    }

    /** Takes the lease if free or expired, or renews it if held: one statement, no transaction kept open. */
    synchronized boolean take() {
        long started = System.nanoTime();
        boolean was = held;
        boolean now;
        try {
            now = leases.take(lane, node, TERM, breaker.get());
        } catch (RuntimeException e) {
            if (was) {
                log.warn("Delivery lease {} not renewed ({}): this node stops sending it", lane, e.getClass().getSimpleName());
            }
            now = false;
        }
        if (now) {
            validUntil = started + TERM.toNanos() - MARGIN_NANOS;
        }
        held = now;
        if (now != was) {
            log.info("Delivery lease {} {} by node {}", lane, now ? "taken" : "lost", node);
        }
        return now;
    }

    /** Renews if held (called by the lease keeper); a lease not held is taken only by its worker. */
    void renew() {
        if (held) {
            take();
        }
    }

    synchronized void release() {
        if (held) {
            held = false;
            try {
                leases.release(lane, node);
            } catch (RuntimeException e) {
                log.info("Delivery lease {} not released ({}): it expires on its own", lane, e.getClass().getSimpleName());
            }
        }
    }
}
