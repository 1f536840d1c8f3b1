package org.medops.inspection.reports;

import java.time.Instant;
import java.util.List;

import org.medops.inspection.ChecklistContributor;
import org.medops.inspection.rounds.RoundItem;
import org.medops.inspection.rounds.RoundStatus;
import org.medops.inspection.rounds.RoundTrigger;
import org.medops.inspection.rounds.Template;

/**
 * A round's report as the API, the page, the PDF and the Word copy show it. {@code draft}: never saved, the
 * findings are the pre-filled ones. {@code hash} is set once signed; {@code hashValid} says whether the round and
 * report as they are now still give that hash (false: something changed under a signed report). {@code checklist}:
 * the other features' checklist lines (emergency plans, drills) — as signed once signed, else as they stand now.
 */
public record ReportView(long roundId, Template template, RoundStatus roundStatus, RoundTrigger trigger,
                         String startedBy, Instant startedAt, Instant finishedAt, Summary summary, List<RoundItem> items,
                         List<Finding> findings, String remarks, boolean draft, Instant updatedAt, String updatedBy,
                         SignOff signOff, String hash, Boolean hashValid,
                         List<ChecklistContributor.Entry> checklist) {

    public boolean signed() {
        return signOff != null;
    }

    /** Counts per result, all and per target. */
    public record Summary(int total, int pass, int warn, int fail, int error, List<TargetSummary> targets) {
    }

    public record TargetSummary(String code, String name, int total, int pass, int warn, int fail, int error) {
    }
}
