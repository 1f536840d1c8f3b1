package org.medops.dataops.requests;

import java.time.Instant;
import java.util.List;

/**
 * One run of a request's statements on its target: a preview (always rolled back) or the execution. Kept as JSON on
 * the request; before-images as the target answered them, masked on the way out for readers without the data right.
 *
 * @param totalRows the rows the counted statements affected together
 * @param error     why it stopped, in the database's words (never the account or its secret), or null
 */
record Run(Instant at, String by, long millis, Outcome outcome, List<StatementResult> statements, long totalRows,
           String error) {

    enum Outcome {
        /** A preview: everything rolled back. */
        PREVIEWED,
        /** Executed and committed with the expected row count. */
        COMMITTED,
        /**
         * Journalled just before the commit was sent to the target: every statement ran with the expected row count.
         * Seen only on a request whose run was interrupted — the target may or may not have committed.
         */
        COMMITTING,
        /** Executed, the rows differed from the expected count: rolled back, nothing changed. */
        ROWS_DIFFER,
        /** A statement failed or the target could not be reached: rolled back, nothing changed. */
        FAILED
    }

    /**
     * @param ran          false for a statement the preview does not run (DDL, anything not previewable) or that
     *                     was not reached
     * @param affectedRows its update count; null when it did not run or does not count (DDL)
     */
    record StatementResult(int index, String sql, StatementKind kind, boolean ran, Long affectedRows,
                           BeforeImage beforeImage, String error) {

        StatementResult masked(PatientColumns mask) {
            return new StatementResult(index, sql, kind, ran, affectedRows,
                    beforeImage == null ? null : beforeImage.masked(mask), PatientColumns.maskText(error));
        }
    }

    /**
     * The rows a statement was about to touch, at most {@link #LIMIT}; {@code truncated} when there were more.
     *
     * @param error why the rows could not be selected (a statement of a form the preview does not parse), or null
     */
    record BeforeImage(List<String> columns, List<List<String>> rows, boolean truncated, String error) {

        static final int LIMIT = 50;

        BeforeImage masked(PatientColumns mask) {
            return new BeforeImage(columns, rows.stream().map(row -> mask.row(columns, row)).toList(), truncated,
                    PatientColumns.maskText(error));
        }
    }

    /** As a reader without the data right sees it: identifying columns and the values quoted in error texts masked. */
    Run masked(PatientColumns mask) {
        return new Run(at, by, millis, outcome, statements.stream().map(s -> s.masked(mask)).toList(), totalRows,
                PatientColumns.maskText(error));
    }

    Run committing() {
        return new Run(at, by, millis, Outcome.COMMITTING, statements, totalRows, error);
    }
}
