package org.medops.inspection.schedules;

import java.time.Instant;

/**
 * One planned round: due at {@code dueAt}; a round started in [{@code windowStart}, {@code windowEnd}) counts for it.
 * {@code holiday} names the holiday period of a holiday-eve occurrence, null for one of the cron rule.
 */
public record Occurrence(Instant dueAt, Instant windowStart, Instant windowEnd, String holiday) {
}
