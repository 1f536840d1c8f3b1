package org.medops.opsdesk.sla;

import org.medops.opsdesk.calendar.BusinessCalendar;
import org.medops.opsdesk.calendar.TimeBasis;

import java.time.Duration;
import java.time.Instant;

/**
 * One target of a policy. {@code outsideHoursMinutes}, when set, applies to tickets that arrive outside
 * the calendar's working time and counts every minute (seed 004: respond within 30 minutes in working
 * hours, within an hour outside them).
 */
public record SlaTarget(TargetKind kind, ClockBasis basis, int minutes, Integer outsideHoursMinutes) {

    public SlaTarget {
        if (kind == null || basis == null) {
            throw new IllegalArgumentException("a target needs a kind and a clock basis");
        }
        if (minutes < 0 || (outsideHoursMinutes != null && outsideHoursMinutes < 0)) {
            throw new IllegalArgumentException("target minutes cannot be negative");
        }
    }

    /** The clock this target runs for a ticket that arrived at {@code arrivedAt}. */
    public Effective effectiveFor(BusinessCalendar calendar, Instant arrivedAt) {
        if (outsideHoursMinutes != null && !calendar.isWorkingTime(arrivedAt)) {
            return new Effective(ClockBasis.CALENDAR, Duration.ofMinutes(outsideHoursMinutes));
        }
        return new Effective(basis, Duration.ofMinutes(minutes));
    }

    public record Effective(ClockBasis basis, Duration length) {

        public TimeBasis time(BusinessCalendar calendar) {
            return basis == ClockBasis.BUSINESS ? calendar : TimeBasis.AROUND_THE_CLOCK;
        }
    }
}
