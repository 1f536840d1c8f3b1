package org.medops.publication.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** A record's field values by field name, as text; absent and blank are the same: not set. */
public record TopicFields(SortedMap<String, String> values) {

    public TopicFields {
        TreeMap<String, String> cleaned = new TreeMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                cleaned.put(name, value.strip());
            }
        });
        values = Collections.unmodifiableSortedMap(cleaned);
    }

    public static TopicFields empty() {
        return new TopicFields(new TreeMap<>());
    }

    public String get(String name) {
        return values.get(name);
    }

    /** Only the named fields: what a subscription approved. */
    public TopicFields only(Collection<String> names) {
        TreeMap<String, String> kept = new TreeMap<>(values);
        kept.keySet().retainAll(names);
        return new TopicFields(kept);
    }

    /** Field by field, from {@code before} to this; unchanged fields are left out. */
    public List<FieldDiff> diffFrom(TopicFields before) {
        TreeSet<String> names = new TreeSet<>(values.keySet());
        names.addAll(before.values.keySet());
        List<FieldDiff> diffs = new ArrayList<>();
        for (String name : names) {
            String was = before.get(name);
            String now = get(name);
            if (was == null ? now != null : !was.equals(now)) {
                diffs.add(new FieldDiff(name, was, now));
            }
        }
        return diffs;
    }
}
