package org.medops.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
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

    /** Field-by-field differences of two records of one type; a null {@code before} means all new. */
    public static List<FieldChange> between(Record before, Record after) {
        List<FieldChange> changes = new ArrayList<>();
        collect("", before, after, changes);
        return changes;
    }

    /** Nested records (a service's breaker settings) are compared field by field as {@code breaker.failureRatePercent}. */
    private static void collect(String prefix, Record before, Record after, List<FieldChange> changes) {
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            Object old = before == null ? null : value(component, before);
            Object now = value(component, after);
            String name = prefix + component.getName();
            if (now instanceof Record nested && (old == null || old.getClass() == now.getClass())) {
                collect(name + ".", (Record) old, nested, changes);
            } else if (!Objects.equals(old, now)) {
                changes.add(before == null ? set(name, now) : of(name, old, now));
            }
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true); // records of modules are package-private by design
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
