package org.medops.dataaccess.requests;

import java.time.Instant;
import java.util.List;

import org.medops.dataaccess.Scope;

/** A request as the API and the page show it; {@code status} is as of the moment it was read. */
record AccessRequestView(long id, String requester, Scope scope, String reason, int durationHours,
                         RequestStatus status, int approvalsNeeded, List<AccessRequest.Approval> approvals,
                         Instant requestedAt, Instant activeFrom, Instant expiresAt, Instant endedAt, String endedBy,
                         String endReason) {

    static AccessRequestView of(AccessRequest r, Instant now) {
        RequestStatus status = r.statusAt(now);
        AccessRequest.Ended ended = r.ended();
        Instant endedAt = ended != null ? ended.at() : status == RequestStatus.EXPIRED ? r.expiresAt() : null;
        return new AccessRequestView(r.id(), r.requester(), r.scope(), r.reason(), r.durationHours(), status,
                r.approvalsNeeded(), r.approvals(), r.requestedAt(), r.activeFrom(), r.expiresAt(), endedAt,
                ended == null ? null : ended.by(), ended == null ? null : ended.reason());
    }

    public String badge() {
        return status.badge();
    }

    public boolean approvedBy(String member) {
        return approvals.stream().anyMatch(a -> a.member().equals(member));
    }
}
