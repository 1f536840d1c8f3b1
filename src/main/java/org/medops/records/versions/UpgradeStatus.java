package org.medops.records.versions;

/**
 * Preparing while the hospital has not agreed to both documents; agreed once it has (the change may then be
 * authorized); installed when the change succeeded, not installed when it failed or was rolled back.
 */
enum UpgradeStatus {
    PREPARING, AGREED, INSTALLED, NOT_INSTALLED;

    public String badge() {
        return switch (this) {
            case PREPARING -> "bg-blue-lt";
            case AGREED -> "bg-teal-lt";
            case INSTALLED -> "bg-green-lt";
            case NOT_INSTALLED -> "bg-orange-lt";
        };
    }
}
