package org.medops.inspection.schedules;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.medops.inspection.rounds.Template;

/**
 * A schedule as the API and the console show it, with its next occurrences; {@code calendarWarning} names the
 * years after this one the business calendar has no holiday table for yet (their holiday eves are not known).
 */
public record ScheduleView(long id, String name, Template template, List<String> targets, String cron,
                           boolean holidayEves, List<String> holidays, LocalTime eveTime, boolean active,
                           Instant nextDueAt, Instant lastDueAt, List<Instant> upcoming, List<Integer> missingYears,
                           Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
