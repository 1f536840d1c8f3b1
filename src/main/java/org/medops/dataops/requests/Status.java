package org.medops.dataops.requests;

/** Where a data operation stands. EXECUTING is held while the statements run, so a second execution is refused. */
enum Status {
    AWAITING_REVIEW, APPROVED, REFUSED, EXECUTING, EXECUTED, FAILED;

    public String badge() {
        return switch (this) {
            case AWAITING_REVIEW -> "bg-yellow-lt";
            case APPROVED -> "bg-blue-lt";
            case REFUSED -> "bg-secondary-lt";
            case EXECUTING -> "bg-purple-lt";
            case EXECUTED -> "bg-green-lt";
            case FAILED -> "bg-red-lt";
        };
    }

    boolean executedOrTried() {
        return this == EXECUTING || this == EXECUTED || this == FAILED;
    }
}
