package org.medops.opsdesk;

/** Where a requirement stands; {@code REJECTED} and {@code VERIFIED} are final. */
enum RequirementStatus {
    SUBMITTED, UNDER_ANALYSIS, ACCEPTED, REJECTED, SCHEDULED, DELIVERED, VERIFIED;

    /** Accepted work that spends person-days of the allowance. */
    boolean countsAgainstAllowance() {
        return this == ACCEPTED || this == SCHEDULED || this == DELIVERED || this == VERIFIED;
    }
}
