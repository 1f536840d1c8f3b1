package org.medops.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.medops.inspection.history.History;
import org.medops.inspection.history.YearPlan;
import org.springframework.stereotype.Component;

/**
 * The planned inspection rounds of a period and how they went, for the vendor scorecard and the service report
 * (reporting): the Java face of {@code GET /api/v1/inspection/plan?year=}, published so that modules outside
 * inspection need not reach its nested modules.
 */
@Component
public class InspectionRounds {

    /** One planned round: {@code status} DONE, RUNNING, MISSED, DUE or PLANNED as in the year's plan. */
    public record PlannedRound(String schedule, Instant dueAt, Instant windowEnd, String status, Long roundId) {

        public boolean missed() {
            return "MISSED".equals(status);
        }
    }

    private final History history;

    InspectionRounds(History history) {
        this.history = history;
    }

    /** The rounds planned to be due on the days {@code first … last} (inclusive) in {@code zone}. */
    public List<PlannedRound> planned(LocalDate first, LocalDate last, ZoneId zone) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<PlannedRound> rounds = new ArrayList<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            for (YearPlan.ScheduleLine line : history.plan(year).schedules()) {
                for (YearPlan.Occurrence o : line.occurrences()) {
                    if (!o.dueAt().isBefore(from) && o.dueAt().isBefore(to)) {
                        rounds.add(new PlannedRound(line.name(), o.dueAt(), o.windowEnd(), o.status().name(),
                                o.roundId()));
                    }
                }
            }
        }
        rounds.sort(java.util.Comparator.comparing(PlannedRound::dueAt));
        return rounds;
    }
}
