package org.medops.integration.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A channel's counts over time, one point per bucket (empty buckets included, as zeros): {@code points} for the
 * channel (intake counts plus its destinations' sent and errored), {@code destinations} one series each.
 */
public record Series(Interval interval, Instant from, Instant to, List<Point> points,
                     Map<String, List<Point>> destinations) {

    public record Point(Instant at, long received, long filtered, long queued, long sent, long errored,
                        Double latencyMillis) {

        static Point of(Instant at, Counts c) {
            return new Point(at, c.received(), c.filtered(), c.queued(), c.sent(), c.errored(), c.latencyMillis());
        }
    }
}
