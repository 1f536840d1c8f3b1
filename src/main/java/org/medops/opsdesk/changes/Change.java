package org.medops.opsdesk.changes;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A change (变更) to a hospital system: planned with its risk and rollback, authorized in writing by the
 * hospital before anyone may carry it out, and the execution recorded. Each step returns the change as it
 * is afterwards, or refuses.
 */
public record Change(long id, String title, String systemCode, ChangeEnvironment environment, ChangeRisk risk, String plan,
              String rollbackPlan, Instant plannedStart, Instant plannedEnd, ChangeStatus status, String requestedBy,
              Instant requestedAt, String authorizedBy, String authorizerName, String authorizationStatement,
              Instant authorizedAt, Instant startedAt, Instant finishedAt, ChangeResult result, String executionNotes,
              String cancelledBy, Instant cancelledAt, String cancelReason, String emergencyReason) {

    static Change request(NewChange plan, String by, Instant at) {
        return new Change(0, plan.title().trim(), plan.systemCode(), plan.environment(), plan.risk(), plan.plan().trim(),
                plan.rollbackPlan().trim(), plan.plannedStart(), plan.plannedEnd(), ChangeStatus.REQUESTED, by, at,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The hospital's written authorization: who signs, their statement, when. Four eyes: whoever requested
     * the change cannot authorize it.
     */
    Change authorize(String by, String signerName, String statement, Instant at) {
        expect("authorize", ChangeStatus.REQUESTED);
        notOwn(by);
        if (blank(signerName) || blank(statement)) {
            throw ProblemException.invalid("change-authorization-incomplete");
        }
        return new Change(id, title, systemCode, environment, risk, plan, rollbackPlan, plannedStart, plannedEnd,
                ChangeStatus.AUTHORIZED, requestedBy, requestedAt, by, signerName.trim(), statement.trim(), at, null,
                null, null, null, null, null, null, null);
    }

    /** The hospital declines to authorize; the reason stands where the statement would. */
    Change refuse(String by, String signerName, String reason, Instant at) {
        expect("refuse", ChangeStatus.REQUESTED);
        notOwn(by);
        if (blank(reason)) {
            throw ProblemException.invalid("reason-required");
        }
        return new Change(id, title, systemCode, environment, risk, plan, rollbackPlan, plannedStart, plannedEnd,
                ChangeStatus.REFUSED, requestedBy, requestedAt, by, blank(signerName) ? by : signerName.trim(),
                reason.trim(), at, null, null, null, null, null, null, null, null);
    }

    /**
     * The authorization covers the planned period only: starting before it or after it needs an emergency
     * reason (紧急变更原因), which then stays on the change. Inside the period a reason is not kept.
     */
    Change start(Instant at, String emergency) {
        expect("start", ChangeStatus.AUTHORIZED);
        boolean outside = at.isBefore(plannedStart) || at.isAfter(plannedEnd);
        if (outside && blank(emergency)) {
            throw ProblemException.conflict("change-start-outside-authorization", Long.toString(id));
        }
        if (outside && emergency.length() > 1000) {
            throw ProblemException.invalid("text-too-long-max", 1000);
        }
        return new Change(id, title, systemCode, environment, risk, plan, rollbackPlan, plannedStart, plannedEnd,
                ChangeStatus.IN_PROGRESS, requestedBy, requestedAt, authorizedBy, authorizerName,
                authorizationStatement, authorizedAt, at, null, null, null, null, null, null,
                outside ? emergency.trim() : null);
    }

    /** Whether the change was started outside its authorised period under an emergency reason. */
    public boolean emergency() {
        return emergencyReason != null;
    }

    Change finish(ChangeResult outcome, String notes, Instant at) {
        expect("finish", ChangeStatus.IN_PROGRESS);
        if (outcome == null) {
            throw ProblemException.invalid("change-result-required");
        }
        if (at.isBefore(startedAt)) {
            throw ProblemException.invalid("change-finished-before-start");
        }
        if (outcome != ChangeResult.SUCCESS && blank(notes)) {
            throw ProblemException.invalid("change-notes-required");
        }
        return new Change(id, title, systemCode, environment, risk, plan, rollbackPlan, plannedStart, plannedEnd,
                ChangeStatus.COMPLETED, requestedBy, requestedAt, authorizedBy, authorizerName,
                authorizationStatement, authorizedAt, startedAt, at, outcome, blank(notes) ? null : notes.trim(),
                null, null, null, emergencyReason);
    }

    Change cancel(String by, String reason, Instant at) {
        expect("cancel", ChangeStatus.REQUESTED, ChangeStatus.AUTHORIZED);
        if (blank(reason)) {
            throw ProblemException.invalid("reason-required");
        }
        return new Change(id, title, systemCode, environment, risk, plan, rollbackPlan, plannedStart, plannedEnd,
                ChangeStatus.CANCELLED, requestedBy, requestedAt, authorizedBy, authorizerName,
                authorizationStatement, authorizedAt, null, null, null, null, by, at, reason.trim(), null);
    }

    private void notOwn(String by) {
        if (requestedBy.equals(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "change-own-authorization", Long.toString(id));
        }
    }

    private void expect(String step, ChangeStatus first, ChangeStatus... more) {
        Set<ChangeStatus> allowed = EnumSet.of(first, more);
        if (!allowed.contains(status)) {
            throw new ProblemException(HttpStatus.CONFLICT, "change-transition-illegal", Long.toString(id), status,
                    step);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
