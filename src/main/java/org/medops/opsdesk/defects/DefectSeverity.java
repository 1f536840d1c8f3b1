package org.medops.opsdesk.defects;

enum DefectSeverity {
    CRITICAL, MAJOR, MINOR, TRIVIAL;

    public String badge() {
        return switch (this) {
            case CRITICAL -> "bg-red-lt";
            case MAJOR -> "bg-orange-lt";
            case MINOR -> "bg-yellow-lt";
            case TRIVIAL -> "bg-secondary-lt";
        };
    }
}
