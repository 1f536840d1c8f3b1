package org.medops.inspection.schedules;

import java.time.Instant;
import java.util.List;

import org.medops.inspection.rounds.Template;

/**
 * A schedule's occurrences in one year, for the plan: from the schedule's creation (or the year's start) to the
 * year's end, or to when it was switched off ({@code activeUntil}).
 */
public record PlannedSchedule(long id, String name, Template template, List<String> targets, boolean active,
                              Instant activeUntil, List<Occurrence> occurrences) {
}
