package org.medops.reporting.facts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

/** The facts of a period, for the scorecard and the service reports: days inclusive, in the hospital's zone. */
@Component
public class RecordedFacts {

    /** What a quarter's scorecard deducts for, from this module's own records. */
    public record OfPeriod(List<Call> unansweredCalls, List<Incident> incidents, List<Extraction> wrongExtractions,
                           List<BackupFailure> backupFailures) {
    }

    private final Calls calls;
    private final Visits visits;
    private final Trainings trainings;
    private final Incidents incidents;
    private final Extractions extractions;
    private final BackupFailures backups;

    RecordedFacts(Calls calls, Visits visits, Trainings trainings, Incidents incidents, Extractions extractions,
                  BackupFailures backups) {
        this.calls = calls;
        this.visits = visits;
        this.trainings = trainings;
        this.incidents = incidents;
        this.extractions = extractions;
        this.backups = backups;
    }

    public OfPeriod of(LocalDate first, LocalDate last, ZoneId zone) {
        var from = first.atStartOfDay(zone).toInstant();
        var to = last.plusDays(1).atStartOfDay(zone).toInstant();
        return new OfPeriod(calls.between(from, to).stream().filter(c -> !c.answered()).toList(),
                incidents.between(first, last),
                extractions.confirmedBetween(from, to).stream().filter(Extraction::wrong).toList(),
                backups.between(from, to));
    }

    public List<Call> calls(LocalDate first, LocalDate last, ZoneId zone) {
        return calls.between(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public List<Visit> visits(LocalDate first, LocalDate last) {
        return visits.between(first, last);
    }

    public List<Training> trainings(LocalDate first, LocalDate last) {
        return trainings.between(first, last);
    }
}
