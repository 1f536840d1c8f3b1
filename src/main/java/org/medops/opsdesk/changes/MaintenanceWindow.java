package org.medops.opsdesk.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window of wall-clock time in a zone, such as 22:00–06:00: when the end is not after the start the
 * window crosses midnight and ends on the next day. A period fits when it lies inside one occurrence,
 * boundaries included — so 22:00 to 06:00 fits, 23:00 to 06:01 does not.
 */
record MaintenanceWindow(LocalTime start, LocalTime end, ZoneId zone) {

    boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    boolean contains(Instant from, Instant to) {
        return occurrenceContaining(from, to).isPresent();
    }

    /** The occurrence (its start) that holds the whole period, if any. */
    Optional<ZonedDateTime> occurrenceContaining(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(from, zone);
        // A period starting after midnight may belong to the occurrence that opened the evening before.
        for (LocalDate opening : new LocalDate[] {day.minusDays(1), day}) {
            ZonedDateTime opens = opening.atTime(start).atZone(zone);
            ZonedDateTime closes = (crossesMidnight() ? opening.plusDays(1) : opening).atTime(end).atZone(zone);
            if (!from.isBefore(opens.toInstant()) && !to.isAfter(closes.toInstant())) {
                return Optional.of(opens);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return start + "–" + end + " " + zone.getId();
    }
}
