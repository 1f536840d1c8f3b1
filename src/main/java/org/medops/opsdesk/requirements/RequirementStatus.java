package org.medops.opsdesk.requirements;

/** Where a requirement stands; {@code REJECTED} and {@code VERIFIED} are final. */
enum RequirementStatus {
    SUBMITTED, UNDER_ANALYSIS, ACCEPTED, REJECTED, SCHEDULED, DELIVERED, VERIFIED;

    /** Accepted work that spends person-days of the allowance. */
    public boolean countsAgainstAllowance() {
        return this == ACCEPTED || this == SCHEDULED || this == DELIVERED || this == VERIFIED;
    }

    /** The Tabler badge colours the pages show this status in. */
    public String badge() {
        return switch (this) {
            case SUBMITTED -> "bg-blue-lt";
            case UNDER_ANALYSIS -> "bg-cyan-lt";
            case ACCEPTED, SCHEDULED -> "bg-teal-lt";
            case REJECTED -> "bg-secondary-lt";
            case DELIVERED -> "bg-orange-lt";
            case VERIFIED -> "bg-green-lt";
        };
    }
}
