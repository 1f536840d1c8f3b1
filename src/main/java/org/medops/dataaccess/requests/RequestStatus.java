package org.medops.dataaccess.requests;

/** Where a request stands: waiting for approvals, granted and running, or ended one way or another. */
enum RequestStatus {
    PENDING, ACTIVE, REFUSED, REVOKED, EXPIRED;

    /** The badge colour on the page. */
    String badge() {
        return switch (this) {
            case PENDING -> "bg-yellow-lt";
            case ACTIVE -> "bg-green-lt";
            case REFUSED, REVOKED -> "bg-red-lt";
            case EXPIRED -> "bg-secondary-lt";
        };
    }
}
