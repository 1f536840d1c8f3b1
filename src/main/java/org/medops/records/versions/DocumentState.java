package org.medops.records.versions;

/** Where one of an upgrade's documents stands with the hospital. */
enum DocumentState {
    PENDING, AGREED, SENT_BACK;

    public String badge() {
        return switch (this) {
            case PENDING -> "bg-blue-lt";
            case AGREED -> "bg-green-lt";
            case SENT_BACK -> "bg-orange-lt";
        };
    }
}
