package org.medops.opsdesk.changes;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A change (变更) to a hospital system: planned with its risk and rollback, authorized in writing by the
 * hospital before anyone may carry it out, and the execution recorded. Each step returns the change as it
 * is afterwards, or refuses. Starting outside the authorised period needs an emergency the hospital approved.
 *
 * @param authorization the hospital's signature, or its refusal (then the reason stands as the statement)
 * @param emergency the engineer's request to start outside the period and the hospital's decision on it
 */
public record Change(long id, NewChange plan, ChangeStatus status, Signed requested, Authorization authorization,
                     Emergency emergency, Execution execution, Cancellation cancellation) {

    /** Who did something and when. */
    record Signed(String by, Instant at) {
    }

    /** Written by the hospital: the account, the name signed, the statement (or the refusal's reason). */
    record Authorization(String by, String signerName, String statement, Instant at) {
    }

    /** What was carried out: started, finished with a result and notes. */
    record Execution(Instant startedAt, Instant finishedAt, ChangeResult result, String notes) {
    }

    record Cancellation(String by, Instant at, String reason) {
    }

    /**
     * An emergency start (紧急变更): the engineer's reason, then the hospital's decision. A change from before
     * approvals existed carries its reason with neither requester nor decision.
     */
    record Emergency(String reason, Signed requested, EmergencyDecision decision, Authorization decided) {

        boolean approved() {
            return decision == EmergencyDecision.APPROVED;
        }
    }

    static Change request(NewChange plan, String by, Instant at) {
        NewChange trimmed = new NewChange(plan.title().trim(), plan.systemCode(), plan.environment(), plan.risk(),
                plan.plan().trim(), plan.rollbackPlan().trim(), plan.plannedStart(), plan.plannedEnd());
        return new Change(0, trimmed, ChangeStatus.REQUESTED, new Signed(by, at), null, null, null, null);
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
        return new Change(id, plan, ChangeStatus.AUTHORIZED, requested,
                new Authorization(by, signerName.trim(), statement.trim(), at), null, null, null);
    }

    /** The hospital declines to authorize; the reason stands where the statement would. */
    Change refuse(String by, String signerName, String reason, Instant at) {
        expect("refuse", ChangeStatus.REQUESTED);
        notOwn(by);
        if (blank(reason)) {
            throw ProblemException.invalid("reason-required");
        }
        return new Change(id, plan, ChangeStatus.REFUSED, requested,
                new Authorization(by, blank(signerName) ? by : signerName.trim(), reason.trim(), at), null, null, null);
    }

    /**
     * The engineer asks the hospital to let the change start outside its authorised period, with the reason.
     * A rejected request may be made again; a pending or approved one stands.
     */
    Change requestEmergency(String by, String reason, Instant at) {
        expect("emergency-request", ChangeStatus.AUTHORIZED);
        if (blank(reason)) {
            throw ProblemException.invalid("reason-required");
        }
        if (reason.length() > 1000) {
            throw ProblemException.invalid("text-too-long-max", 1000);
        }
        if (emergency != null && emergency.decision() != null && emergency.decision() != EmergencyDecision.REJECTED) {
            throw ProblemException.conflict("change-emergency-" + emergency.decision().code(), Long.toString(id));
        }
        return withEmergency(new Emergency(reason.trim(), new Signed(by, at), EmergencyDecision.PENDING, null));
    }

    /** The hospital approves the emergency: never whoever asked for it, nor the change's requester. */
    Change approveEmergency(String by, String signerName, Instant at) {
        Emergency pending = pendingEmergency(by);
        return withEmergency(new Emergency(pending.reason(), pending.requested(), EmergencyDecision.APPROVED,
                new Authorization(by, blank(signerName) ? by : signerName.trim(), null, at)));
    }

    Change rejectEmergency(String by, String signerName, String reason, Instant at) {
        Emergency pending = pendingEmergency(by);
        if (blank(reason)) {
            throw ProblemException.invalid("reason-required");
        }
        return withEmergency(new Emergency(pending.reason(), pending.requested(), EmergencyDecision.REJECTED,
                new Authorization(by, blank(signerName) ? by : signerName.trim(), reason.trim(), at)));
    }

    /**
     * The authorization covers the planned period only: starting before or after it needs an emergency the
     * hospital approved; without one the refusal says what is missing.
     */
    Change start(Instant at) {
        expect("start", ChangeStatus.AUTHORIZED);
        if (outsidePeriod(at) && (emergency == null || !emergency.approved())) {
            String code = emergency == null || emergency.decision() == null ? "change-start-outside-authorization"
                    : "change-emergency-" + emergency.decision().code();
            throw ProblemException.conflict(code, Long.toString(id));
        }
        return new Change(id, plan, ChangeStatus.IN_PROGRESS, requested, authorization, emergency,
                new Execution(at, null, null, null), null);
    }

    /** Whether the change was started outside its authorised period (under an approved emergency). */
    public boolean emergencyStart() {
        return execution != null && outsidePeriod(execution.startedAt());
    }

    Change finish(ChangeResult outcome, String notes, Instant at) {
        expect("finish", ChangeStatus.IN_PROGRESS);
        if (outcome == null) {
            throw ProblemException.invalid("change-result-required");
        }
        if (at.isBefore(execution.startedAt())) {
            throw ProblemException.invalid("change-finished-before-start");
        }
        if (outcome != ChangeResult.SUCCESS && blank(notes)) {
            throw ProblemException.invalid("change-notes-required");
        }
        return new Change(id, plan, ChangeStatus.COMPLETED, requested, authorization, emergency,
                new Execution(execution.startedAt(), at, outcome, blank(notes) ? null : notes.trim()), null);
    }

    Change cancel(String by, String reason, Instant at) {
        expect("cancel", ChangeStatus.REQUESTED, ChangeStatus.AUTHORIZED);
        if (blank(reason)) {
            throw ProblemException.invalid("reason-required");
        }
        return new Change(id, plan, ChangeStatus.CANCELLED, requested, authorization, emergency, null,
                new Cancellation(by, at, reason.trim()));
    }

    String title() {
        return plan.title();
    }

    Instant plannedStart() {
        return plan.plannedStart();
    }

    Instant plannedEnd() {
        return plan.plannedEnd();
    }

    private boolean outsidePeriod(Instant at) {
        return at.isBefore(plan.plannedStart()) || at.isAfter(plan.plannedEnd());
    }

    private Emergency pendingEmergency(String by) {
        expect("emergency-decision", ChangeStatus.AUTHORIZED);
        if (emergency == null || emergency.decision() != EmergencyDecision.PENDING) {
            throw ProblemException.conflict("change-emergency-not-pending", Long.toString(id));
        }
        if (by.equals(emergency.requested().by()) || by.equals(requested.by())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "change-own-emergency-approval", Long.toString(id));
        }
        return emergency;
    }

    private Change withEmergency(Emergency next) {
        return new Change(id, plan, status, requested, authorization, next, execution, cancellation);
    }

    private void notOwn(String by) {
        if (requested.by().equals(by)) {
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
