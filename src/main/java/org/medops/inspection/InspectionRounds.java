package org.medops.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The planned inspection rounds of a period and how they went, for the vendor scorecard and the service report
 * (reporting): the Java face of {@code GET /api/v1/inspection/plan?year=}, published here so that modules outside
 * inspection need not reach its nested modules (the year's plan implements it).
 */
public interface InspectionRounds {

    /** One planned round: {@code status} DONE, RUNNING, MISSED, DUE or PLANNED as in the year's plan. */
    record PlannedRound(String schedule, Instant dueAt, Instant windowEnd, String status, Long roundId) {

        public boolean missed() {
            return "MISSED".equals(status);
        }
    }

    /** The rounds planned to be due on the days {@code first … last} (inclusive) in {@code zone}, by due time. */
    List<PlannedRound> planned(LocalDate first, LocalDate last, ZoneId zone);
}
