package org.medops.portal.access;

import java.time.Duration;
import java.time.Instant;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A channel's request to call a service: SUBMITTED → APPROVED / REJECTED, APPROVED → REVOKED. */
record AccessApplication(long id, String channelCode, String serviceCode, String purpose, Long expectedDailyVolume,
                         String contact, String status, String reason, String applicant, Instant submittedAt,
                         String decidedBy, Instant decidedAt, String revokedBy, Instant revokedAt, Long dailyQuota) {

    static final String SUBMITTED = "SUBMITTED";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String REVOKED = "REVOKED";

    void requireStatus(String expected) {
        if (!status.equals(expected)) {
            throw new ProblemException(HttpStatus.CONFLICT, "application-state", id, status);
        }
    }

    /** A developer sees their own channel's applications only; staff (no channel) see all. */
    boolean visibleTo(String channel) {
        return channel == null || channelCode.equals(channel);
    }

    /** Waiting for a decision longer than the hospital allows. */
    public boolean overdue(Instant now, Duration allowed) {
        return status.equals(SUBMITTED) && submittedAt.plus(allowed).isBefore(now);
    }
}
