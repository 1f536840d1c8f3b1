package org.medops.dataaccess.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.dataaccess.Scope;
import org.medops.shared.ProblemException;

/**
 * One request for a time-limited, unmasked view of a scope, with the approvals it gathered. The grant becomes active
 * on the last approval needed and runs for {@code durationHours} from then; past its end it is expired even before
 * the sweep records it, so no reader ever sees content a moment too long.
 */
record AccessRequest(long id, String requester, Scope scope, String reason, int durationHours, int approvalsNeeded,
                     RequestStatus status, Instant requestedAt, Instant activeFrom, Instant expiresAt,
                     Ended ended, List<Approval> approvals) {

    record Approval(String member, Instant at) {
    }

    /** Who ended the request (refused, revoked; null for expiry), when and why. */
    record Ended(Instant at, String by, String reason) {
    }

    static AccessRequest ask(String requester, Scope scope, String reason, int durationHours, int approvalsNeeded,
                             Instant at) {
        return new AccessRequest(0, requester, scope, reason.strip(), durationHours, approvalsNeeded,
                RequestStatus.PENDING, at, null, null, null, List.of());
    }

    /** The status as of {@code now}: an active grant past its end is expired. */
    RequestStatus statusAt(Instant now) {
        return status == RequestStatus.ACTIVE && !now.isBefore(expiresAt) ? RequestStatus.EXPIRED : status;
    }

    boolean activeAt(Instant now) {
        return statusAt(now) == RequestStatus.ACTIVE;
    }

    /**
     * A committee member approves: never the requester, never twice the same member; the last approval needed
     * starts the grant.
     */
    AccessRequest approvedBy(String member, Instant at) {
        requirePending(at);
        if (member.equals(requester)) {
            throw ProblemException.conflict("data-access-own-request");
        }
        if (approvals.stream().anyMatch(a -> a.member().equals(member))) {
            throw ProblemException.conflict("data-access-already-approved");
        }
        List<Approval> more = new ArrayList<>(approvals);
        more.add(new Approval(member, at));
        if (more.size() < approvalsNeeded) {
            return new AccessRequest(id, requester, scope, reason, durationHours, approvalsNeeded, status, requestedAt,
                    null, null, null, List.copyOf(more));
        }
        return new AccessRequest(id, requester, scope, reason, durationHours, approvalsNeeded, RequestStatus.ACTIVE,
                requestedAt, at, at.plus(Duration.ofHours(durationHours)), null, List.copyOf(more));
    }

    /** A committee member says no, with a reason; not the requester's own request either. */
    AccessRequest refusedBy(String member, String why, Instant at) {
        requirePending(at);
        if (member.equals(requester)) {
            throw ProblemException.conflict("data-access-own-request");
        }
        return ended(RequestStatus.REFUSED, new Ended(at, member, why.strip()));
    }

    /** The committee ends a running grant early, or withdraws a pending request. */
    AccessRequest revokedBy(String member, String why, Instant at) {
        RequestStatus now = statusAt(at);
        if (now != RequestStatus.ACTIVE && now != RequestStatus.PENDING) {
            throw ProblemException.conflict("data-access-not-revocable", now.name());
        }
        return ended(RequestStatus.REVOKED, new Ended(at, member, why == null || why.isBlank() ? null : why.strip()));
    }

    /** The sweep records what {@link #statusAt} already says: the grant ran out at its end. */
    AccessRequest expired() {
        return ended(RequestStatus.EXPIRED, new Ended(expiresAt, null, null));
    }

    boolean approvedBy(String member) {
        return approvals.stream().anyMatch(a -> a.member().equals(member));
    }

    private void requirePending(Instant at) {
        if (statusAt(at) != RequestStatus.PENDING) {
            throw ProblemException.conflict("data-access-not-pending", statusAt(at).name());
        }
    }

    private AccessRequest ended(RequestStatus to, Ended how) {
        return new AccessRequest(id, requester, scope, reason, durationHours, approvalsNeeded, to, requestedAt,
                activeFrom, expiresAt, how, approvals);
    }
}
