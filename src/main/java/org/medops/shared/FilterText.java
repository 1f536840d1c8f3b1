package org.medops.shared;

/** A list's free-text and pick-list criteria as SQL parameters: blank means no criterion. */
public final class FilterText {

    private FilterText() {
    }

    /** The value stripped, or null when blank (so {@code cast(:x as varchar) is null} skips the criterion). */
    public static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An {@code ilike} pattern matching the text anywhere, its own wildcards escaped; null when blank. */
    public static String containing(String text) {
        String value = orNull(text);
        return value == null ? null
                : "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
