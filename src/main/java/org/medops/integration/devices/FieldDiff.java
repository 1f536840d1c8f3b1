package org.medops.integration.devices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The fields a device sent beside the fields that reached the system. Each processed field is matched to the raw
 * field it came from by value: the same text is {@code SAME}; an equivalent value written differently (a number with
 * other digits such as {@code 7.30} → {@code 7.3}, other case or spaces) is {@code CHANGED}; a value no raw field
 * holds is {@code ADDED} (a constant, a computed value). Raw fields nothing was taken from are {@code DROPPED}. Where
 * several raw fields hold the value, the one at the same row (the first list index) is taken, then one not yet used.
 */
public record FieldDiff(List<Row> rows) {

    public enum Kind { SAME, CHANGED, ADDED, DROPPED }

    public record Row(Kind kind, String rawPath, String rawValue, String processedPath, String processedValue) {
    }

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern HL7_FIELD = Pattern.compile("([A-Z][A-Z0-9]{2})-(\\d+)(.*)");

    public static FieldDiff of(Map<String, String> raw, Map<String, String> processed) {
        List<Row> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<Map.Entry<String, String>> rawFields = List.copyOf(raw.entrySet());
        for (Map.Entry<String, String> field : processed.entrySet()) {
            Map.Entry<String, String> same = best(rawFields, field, used, true);
            Map.Entry<String, String> source = same != null ? same : best(rawFields, field, used, false);
            if (source == null) {
                rows.add(new Row(Kind.ADDED, null, null, field.getKey(), field.getValue()));
            } else {
                used.add(source.getKey());
                rows.add(new Row(same != null ? Kind.SAME : Kind.CHANGED, source.getKey(), source.getValue(),
                        field.getKey(), field.getValue()));
            }
        }
        for (Map.Entry<String, String> field : rawFields) {
            if (!used.contains(field.getKey())) {
                rows.add(new Row(Kind.DROPPED, field.getKey(), field.getValue(), null, null));
            }
        }
        return new FieldDiff(List.copyOf(rows));
    }

    public long count(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).count();
    }

    /** The rows of what reached the system (SAME, CHANGED, ADDED), in the processed order. */
    public List<Row> processed() {
        return rows.stream().filter(r -> r.kind() != Kind.DROPPED).toList();
    }

    public List<Row> dropped() {
        return rows.stream().filter(r -> r.kind() == Kind.DROPPED).toList();
    }

    private static Map.Entry<String, String> best(List<Map.Entry<String, String>> raw, Map.Entry<String, String> field,
                                                  Set<String> used, boolean exact) {
        String row = firstIndex(field.getKey());
        Map.Entry<String, String> chosen = null;
        int score = -1;
        for (Map.Entry<String, String> candidate : raw) {
            boolean matches = exact ? candidate.getValue().equals(field.getValue())
                    : equivalent(candidate.getValue(), field.getValue());
            if (!matches) {
                continue;
            }
            int s = (row != null && row.equals(firstIndex(candidate.getKey())) ? 2 : 0)
                    + (used.contains(candidate.getKey()) ? 0 : 1);
            if (s > score) {
                chosen = candidate;
                score = s;
            }
        }
        return chosen;
    }

    static boolean equivalent(String a, String b) {
        String x = a.strip();
        String y = b.strip();
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equalsIgnoreCase(y)) {
            return true;
        }
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String firstIndex(String path) {
        Matcher m = INDEX.matcher(path);
        return m.find() ? m.group(1) : null;
    }

    /** Every value of a JSON form with its dotted path ({@code results[0].value}), in document order. */
    public static Map<String, String> flatten(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten(node, "", fields);
        return fields;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> fields) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), fields);
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                flatten(element, path + "[" + i++ + "]", fields);
            }
        } else {
            fields.put(path.isEmpty() ? "value" : path, node.asString());
        }
    }

    /**
     * The fields of an HL7 message's JSON form by their HL7 paths: {@code PID-3.1}, {@code OBX[2]-5} for the second
     * OBX, {@code PID-3(2).1} for a field's second repetition.
     */
    public static Map<String, String> flattenHl7(JsonNode message) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> segment : message.properties()) {
            int occurrence = 0;
            for (JsonNode one : segment.getValue()) {
                occurrence++;
                for (Map.Entry<String, JsonNode> field : one.properties()) {
                    hl7(field.getKey(), field.getValue(), occurrence, 1, fields);
                }
            }
        }
        return fields;
    }

    private static void hl7(String name, JsonNode node, int occurrence, int repetition, Map<String, String> fields) {
        if (node.isArray()) {
            int r = 0;
            for (JsonNode one : node) {
                hl7(name, one, occurrence, ++r, fields);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> part : node.properties()) {
                hl7(part.getKey(), part.getValue(), occurrence, repetition, fields);
            }
        } else if (!node.isNull()) {
            fields.put(hl7Path(name, occurrence, repetition), node.asString());
        }
    }

    private static String hl7Path(String name, int occurrence, int repetition) {
        Matcher m = HL7_FIELD.matcher(name);
        if (!m.matches()) {
            return name;
        }
        return m.group(1) + (occurrence > 1 ? "[" + occurrence + "]" : "") + "-" + m.group(2)
                + (repetition > 1 ? "(" + repetition + ")" : "") + m.group(3);
    }

    /** A path with its list indexes left out: {@code rows[3].病历号} → {@code rows.病历号}, to name a column of every row. */
    static String unindexed(String path) {
        return INDEX.matcher(path).replaceAll("").replaceAll("\\(\\d+\\)", "").toLowerCase(Locale.ROOT);
    }
}
