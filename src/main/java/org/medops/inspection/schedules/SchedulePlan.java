package org.medops.inspection.schedules;

import java.util.List;

/** Every schedule's occurrences in {@code year}; {@code missingCalendarYears}: years without a holiday table, whose
 * holiday eves cannot be planned. */
public record SchedulePlan(int year, List<PlannedSchedule> schedules, List<Integer> missingCalendarYears) {
}
