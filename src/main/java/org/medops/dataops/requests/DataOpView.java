package org.medops.dataops.requests;

import java.time.Instant;
import java.util.List;

/**
 * A request as the API answers it and the detail page shows it. Before-images are masked unless the reader holds
 * {@code integration:data}; nothing here names the database account the target signs in with.
 */
record DataOpView(long id, String target, String targetName, boolean production, String statements,
                  String rollbackSql, String reason, Long ticketId, Long changeId, long expectedRows, Status status,
                  Long rollbackOf, Long rollbackRequest, String requestedBy, Instant requestedAt, Run preview,
                  DataOperation.Review review, String executedBy, Instant executedAt, Run execution,
                  List<DataOperations.Entry> timeline, boolean unmasked) {

    static DataOpView of(DataOperation op, String targetName, boolean production, Long rollbackRequest,
                         List<DataOperations.Entry> timeline, boolean unmasked) {
        Run preview = op.preview() == null || unmasked ? op.preview() : op.preview().masked(PatientColumns.MASK);
        Run execution = op.execution() == null || unmasked ? op.execution() : op.execution().masked(PatientColumns.MASK);
        return new DataOpView(op.id(), op.target(), targetName, production, op.statements(), op.rollbackSql(),
                op.reason(), op.links().ticketId(), op.links().changeId(), op.expectedRows(), op.status(),
                op.rollbackOf(), rollbackRequest, op.requested().by(), op.requested().at(), preview, op.review(),
                op.executed() == null ? null : op.executed().by(), op.executed() == null ? null : op.executed().at(),
                execution, timeline, unmasked);
    }

    /** Whether the last preview's counted rows equal the expected number (null before any preview). */
    public Boolean previewMatches() {
        return preview == null ? null : preview.outcome() == Run.Outcome.PREVIEWED && preview.totalRows() == expectedRows
                && preview.statements().stream().allMatch(s -> s.ran() || !s.kind().previewable());
    }
}
