package org.medops.opsdesk.changes;

/** Requested, authorized in writing by the hospital (or refused), carried out, completed; or cancelled. */
enum ChangeStatus {
    REQUESTED, AUTHORIZED, REFUSED, IN_PROGRESS, COMPLETED, CANCELLED;

    public String badge() {
        return switch (this) {
            case REQUESTED -> "bg-blue-lt";
            case AUTHORIZED -> "bg-teal-lt";
            case REFUSED, CANCELLED -> "bg-secondary-lt";
            case IN_PROGRESS -> "bg-orange-lt";
            case COMPLETED -> "bg-green-lt";
        };
    }
}
