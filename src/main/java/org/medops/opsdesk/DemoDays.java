package org.medops.opsdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Days counted back from today in a zone, for demo data placed at plausible local times. */
public record DemoDays(Clock clock, ZoneId zone) {

    /** The day {@code days} before today; negative days lie ahead. */
    public LocalDate ago(int days) {
        return LocalDate.ofInstant(clock.instant(), zone).minusDays(days);
    }

    /** On the hour, {@code daysAgo} days before today. */
    public Instant at(int daysAgo, int hour) {
        return at(daysAgo, LocalTime.of(hour, 0));
    }

    public Instant at(int daysAgo, LocalTime time) {
        return ago(daysAgo).atTime(time).atZone(zone).toInstant();
    }
}
