package org.medops.inspection.history;

import java.time.Instant;
import java.util.List;

import org.medops.inspection.rounds.Template;

/**
 * The year's rounds against the plan: every planned occurrence of every schedule and how it went — DONE (a round
 * finished in its window), RUNNING, MISSED (its window passed without one), DUE (its window is open) or PLANNED (to
 * come). The service report and the vendor scorecard read the totals; {@code missingCalendarYears} warns that holiday
 * eves of a year without a holiday table could not be planned.
 */
public record YearPlan(int year, Totals totals, List<ScheduleLine> schedules, List<Integer> missingCalendarYears) {

    public enum Status { DONE, RUNNING, MISSED, DUE, PLANNED }

    public record Totals(int planned, int done, int running, int missed, int due, int upcoming) {

        /** Done of those whose window has passed or that were done early, in percent; null when none is due yet. */
        @com.fasterxml.jackson.annotation.JsonProperty("donePercent")
        public Double donePercent() {
            int settled = done + missed;
            return settled == 0 ? null : Math.round(done * 1000.0 / settled) / 10.0;
        }
    }

    public record ScheduleLine(long scheduleId, String name, Template template, boolean active, Totals totals,
                               List<Occurrence> occurrences) {
    }

    public record Occurrence(Instant dueAt, Instant windowEnd, String holiday, Status status, Long roundId) {
    }
}
