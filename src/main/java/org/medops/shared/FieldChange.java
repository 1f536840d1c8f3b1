package org.medops.shared;

import java.util.Objects;

/** One changed field of an audited target. */
public record FieldChange(String field, String before, String after, boolean secret) {

    public static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(field, text(before), text(after), false);
    }

    public static FieldChange set(String field, Object after) {
        return new FieldChange(field, null, text(after), false);
    }

    /** A secret field: the trail records that it changed, never its value. */
    public static FieldChange secret(String field) {
        return new FieldChange(field, null, null, true);
    }

    public boolean changed() {
        return secret || !Objects.equals(before, after);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
