package org.medops.portal.registration;

import java.time.Instant;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A developer's own registration: SUBMITTED → APPROVED (bound to a channel) / REJECTED (with a reason). */
record DeveloperRegistration(long id, String username, String displayName, String email, String phone,
                             String organisation, String requestedChannel, String note, String status,
                             String channelCode, String reason, Instant submittedAt, String decidedBy,
                             Instant decidedAt) {

    static final String SUBMITTED = "SUBMITTED";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    void requireSubmitted() {
        if (!status.equals(SUBMITTED)) {
            throw new ProblemException(HttpStatus.CONFLICT, "registration-decided", username);
        }
    }
}
