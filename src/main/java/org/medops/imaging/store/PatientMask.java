package org.medops.imaging.store;

/** Masks a patient identifier for lists and logs: keeps the first character (and the last of long ones). */
final class PatientMask {

    private PatientMask() {
    }

    static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int length = value.codePointCount(0, value.length());
        if (length == 1) {
            return "*";
        }
        int first = value.offsetByCodePoints(0, 1);
        if (length <= 3) {
            return value.substring(0, first) + "*".repeat(length - 1);
        }
        int last = value.offsetByCodePoints(value.length(), -1);
        return value.substring(0, first) + "*".repeat(length - 2) + value.substring(last);
    }
}
