package org.medops.opsdesk.sla;

/**
 * A calendar's working hours or holidays changed; whoever measures time on it recomputes its open clocks, in the
 * same transaction as the change.
 */
public record CalendarChanged(String calendarCode, String reason) {
}
