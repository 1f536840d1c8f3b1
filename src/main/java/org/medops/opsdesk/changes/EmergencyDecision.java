package org.medops.opsdesk.changes;

/** Where the hospital stands on an emergency start: asked, approved or rejected. */
enum EmergencyDecision {
    PENDING, APPROVED, REJECTED;

    /** The suffix of the problem code refusing a step while the emergency stands so. */
    String code() {
        return name().toLowerCase();
    }

    public String badge() {
        return switch (this) {
            case PENDING -> "bg-orange-lt";
            case APPROVED -> "bg-red-lt";
            case REJECTED -> "bg-secondary-lt";
        };
    }
}
