package org.medops.dataops.requests;

/**
 * Where a data operation stands. EXECUTING is held while the statements run, so a second execution is refused;
 * INTERRUPTED is what an EXECUTING request becomes when MedOps stopped during the run (found at the next start):
 * whether the target committed must be verified before anything runs again.
 */
enum Status {
    AWAITING_REVIEW, APPROVED, REFUSED, EXECUTING, EXECUTED, FAILED, INTERRUPTED;

    public String badge() {
        return switch (this) {
            case AWAITING_REVIEW -> "bg-yellow-lt";
            case APPROVED -> "bg-blue-lt";
            case REFUSED -> "bg-secondary-lt";
            case EXECUTING -> "bg-purple-lt";
            case EXECUTED -> "bg-green-lt";
            case FAILED -> "bg-red-lt";
            case INTERRUPTED -> "bg-orange-lt";
        };
    }

    boolean executedOrTried() {
        return this == EXECUTING || this == EXECUTED || this == FAILED || this == INTERRUPTED;
    }
}
