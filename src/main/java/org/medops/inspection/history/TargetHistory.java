package org.medops.inspection.history;

import java.time.Instant;
import java.util.List;

import org.medops.inspection.rounds.ItemResult;

/**
 * One target's results over a period, one series per check: each point its result, the number read from its value
 * (null when the text held none) in the series' unit, and the value as written.
 */
public record TargetHistory(String target, String name, Instant from, Instant to, List<Series> series) {

    public record Series(String check, CheckFamily family, Reading.Unit unit, List<Point> points) {

        public boolean hasNumbers() {
            return points.stream().anyMatch(p -> p.number() != null);
        }
    }

    public record Point(long round, Instant at, ItemResult result, Double number, String value, String threshold) {
    }
}
