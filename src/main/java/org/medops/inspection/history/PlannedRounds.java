package org.medops.inspection.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.medops.inspection.InspectionRounds;
import org.springframework.stereotype.Component;

/** {@link InspectionRounds} from the years' plans: every occurrence due in the period, across year ends. */
@Component
class PlannedRounds implements InspectionRounds {

    private final History history;

    PlannedRounds(History history) {
        this.history = history;
    }

    @Override
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
        rounds.sort(Comparator.comparing(PlannedRound::dueAt));
        return rounds;
    }
}
