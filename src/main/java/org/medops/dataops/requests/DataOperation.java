package org.medops.dataops.requests;

import java.time.Instant;

import org.medops.shared.ProblemException;

/**
 * A data-operation request (数据库操作申请) and what became of it. The rules of dual review live here: a second
 * person reviews, only what was previewed, only while awaiting review; only an approved request executes, once.
 *
 * @param rollbackOf the request this one undoes (its rollback SQL is this one's statements), or null
 */
record DataOperation(long id, String target, String statements, String rollbackSql, String reason, Links links,
                     long expectedRows, Status status, Long rollbackOf, Act requested, Run preview, Review review,
                     Act executed, Run execution) {

    /** The ticket and the change it belongs to; at least one. */
    record Links(Long ticketId, Long changeId) {
    }

    record Act(String by, Instant at) {
    }

    record Review(String by, Instant at, boolean approved, String reason) {
    }

    /** The review of {@code reviewer}, who is not the author, of a previewed request awaiting review. */
    DataOperation reviewed(String reviewer, boolean approve, String why, Instant at) {
        if (status != Status.AWAITING_REVIEW) {
            throw ProblemException.conflict("dataops-not-awaiting-review", id);
        }
        if (requested.by().equals(reviewer)) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "dataops-own-request", id);
        }
        if (approve && preview == null) {
            throw ProblemException.conflict("dataops-preview-required", id);
        }
        return new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows,
                approve ? Status.APPROVED : Status.REFUSED, rollbackOf, requested, preview,
                new Review(reviewer, at, approve, why), executed, execution);
    }

    /** Taken for execution: from here on no second execution starts, whatever the outcome. */
    DataOperation executing(String by, Instant at) {
        if (status.executedOrTried()) {
            throw ProblemException.conflict("dataops-already-executed", id);
        }
        if (status != Status.APPROVED) {
            throw ProblemException.conflict("dataops-not-approved", id);
        }
        return new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows, Status.EXECUTING,
                rollbackOf, requested, preview, review, new Act(by, at), null);
    }

    /** The run as it stood just before the commit was sent (see {@link Run.Outcome#COMMITTING}). */
    DataOperation committing(Run run) {
        return new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows, status, rollbackOf,
                requested, preview, review, executed, run);
    }

    /**
     * MedOps stopped while this request executed. Without a journalled run the target never got the commit and
     * rolled back when the connection dropped; with one it may have committed: either way a person verifies first.
     */
    DataOperation interrupted() {
        if (status != Status.EXECUTING) {
            throw ProblemException.conflict("dataops-not-executing", id);
        }
        return new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows, Status.INTERRUPTED,
                rollbackOf, requested, preview, review, executed, execution);
    }

    /** Whether an interrupted run had reached the commit: the target may hold its changes. */
    boolean mayHaveCommitted() {
        return execution != null && execution.outcome() == Run.Outcome.COMMITTING;
    }

    /**
     * A reviewer looked at the target after an interruption: the changes are there ({@code committed}: EXECUTED, the
     * journalled run with its before-images is the execution, a rollback may follow), or they are not (APPROVED again,
     * the review stands, it may execute once more). Nothing journalled means nothing reached the commit.
     */
    DataOperation verified(boolean committed, String reviewer) {
        if (status != Status.INTERRUPTED) {
            throw ProblemException.conflict("dataops-not-interrupted", id);
        }
        if (requested.by().equals(reviewer)) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "dataops-own-request", id);
        }
        if (committed && !mayHaveCommitted()) {
            throw ProblemException.conflict("dataops-never-committed", id);
        }
        return committed
                ? new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows, Status.EXECUTED,
                rollbackOf, requested, preview, review, executed, new Run(execution.at(), execution.by(),
                execution.millis(), Run.Outcome.COMMITTED, execution.statements(), execution.totalRows(), null))
                : new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows, Status.APPROVED,
                rollbackOf, requested, preview, review, null, null);
    }

    DataOperation finished(Run run) {
        return new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows,
                run.outcome() == Run.Outcome.COMMITTED ? Status.EXECUTED : Status.FAILED, rollbackOf, requested,
                preview, review, executed, run);
    }

    DataOperation previewed(Run run) {
        if (status != Status.AWAITING_REVIEW && status != Status.APPROVED) {
            throw ProblemException.conflict("dataops-not-previewable", id);
        }
        return new DataOperation(id, target, statements, rollbackSql, reason, links, expectedRows, status, rollbackOf,
                requested, run, review, executed, execution);
    }

    /** Whether a rollback request may be drafted from this one: executed, with rollback SQL. */
    void checkRollbackPossible() {
        if (status != Status.EXECUTED) {
            throw ProblemException.conflict("dataops-rollback-not-executed", id);
        }
        if (rollbackSql == null || rollbackSql.isBlank()) {
            throw ProblemException.conflict("dataops-rollback-none", id);
        }
    }

    Script script() {
        return Script.parse(statements, "statements");
    }
}
