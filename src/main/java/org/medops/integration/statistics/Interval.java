package org.medops.integration.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The width of one point of a series: a minute or an hour, each with the longest range it may span. */
public enum Interval {
    MINUTE("m", ChronoUnit.MINUTES, Duration.ofHours(1), Duration.ofDays(2)),
    HOUR("h", ChronoUnit.HOURS, Duration.ofHours(48), Duration.ofDays(93));

    private final String granularity;
    private final ChronoUnit unit;
    private final Duration defaultRange;
    private final Duration longestRange;

    Interval(String granularity, ChronoUnit unit, Duration defaultRange, Duration longestRange) {
        this.granularity = granularity;
        this.unit = unit;
        this.defaultRange = defaultRange;
        this.longestRange = longestRange;
    }

    String granularity() {
        return granularity;
    }

    Instant bucket(Instant at) {
        return at.truncatedTo(unit);
    }

    Instant next(Instant bucket) {
        return bucket.plus(1, unit);
    }

    Duration defaultRange() {
        return defaultRange;
    }

    public Duration longestRange() {
        return longestRange;
    }
}
