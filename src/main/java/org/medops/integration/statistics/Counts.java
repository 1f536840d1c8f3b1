package org.medops.integration.statistics;

/**
 * What one bucket counted. A channel's intake counts messages (received, filtered, queued, errored at intake); a
 * destination counts deliveries (queued for it, sent, errored = parked, retried) and the time the sends took.
 */
public record Counts(long received, long filtered, long queued, long sent, long errored, long retried,
                     long latencyMillisSum, long latencyCount) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts other) {
        return new Counts(received + other.received, filtered + other.filtered, queued + other.queued,
                sent + other.sent, errored + other.errored, retried + other.retried,
                latencyMillisSum + other.latencyMillisSum, latencyCount + other.latencyCount);
    }

    /** What a destination's row adds to its channel's: its deliveries, not its queue entries (the intake counts those). */
    Counts deliveries() {
        return new Counts(0, 0, 0, sent, errored, retried, latencyMillisSum, latencyCount);
    }

    /** The mean send time in ms, null without a send. */
    public Double latencyMillis() {
        return latencyCount == 0 ? null : (double) latencyMillisSum / latencyCount;
    }

    /** Errored in percent of the messages received (0 without any). */
    public double errorRate() {
        return received == 0 ? 0 : errored * 100.0 / received;
    }
}
