package org.medops.portal.registration;

import java.time.Instant;

import org.medops.identity.People;

/** A developer's registration as the API shows it: who decided it by display name, not by account name. */
record RegistrationView(long id, String username, String displayName, String email, String phone,
                        String organisation, String requestedChannel, String note, String status,
                        String channelCode, String reason, Instant submittedAt, String decidedBy,
                        Instant decidedAt) {

    static RegistrationView of(DeveloperRegistration r, People people) {
        return new RegistrationView(r.id(), r.username(), r.displayName(), r.email(), r.phone(), r.organisation(),
                r.requestedChannel(), r.note(), r.status(), r.channelCode(), r.reason(), r.submittedAt(),
                r.decidedBy() == null ? null : people.name(r.decidedBy()), r.decidedAt());
    }
}
