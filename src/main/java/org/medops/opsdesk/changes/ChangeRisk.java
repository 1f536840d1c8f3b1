package org.medops.opsdesk.changes;

enum ChangeRisk {
    LOW, MEDIUM, HIGH;

    public String badge() {
        return switch (this) {
            case LOW -> "bg-green-lt";
            case MEDIUM -> "bg-orange-lt";
            case HIGH -> "bg-red-lt";
        };
    }
}
