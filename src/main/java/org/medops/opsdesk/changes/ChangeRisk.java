package org.medops.opsdesk.changes;

/** Listed highest first, as every pick-list and sort shows risks. */
enum ChangeRisk {
    HIGH, MEDIUM, LOW;

    public String badge() {
        return switch (this) {
            case LOW -> "bg-green-lt";
            case MEDIUM -> "bg-orange-lt";
            case HIGH -> "bg-red-lt";
        };
    }
}
