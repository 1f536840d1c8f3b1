package org.medops.integration.hl7;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a message: {@code PID-3}, {@code PID-3.1}, {@code PID-3.4.2}, {@code OBX[2]-5} (second OBX)
 * and {@code PID-3(2).1} (second repetition). Occurrences and repetitions count from 1.
 */
record Hl7Path(String segment, int occurrence, int field, int repetition, int component, int subcomponent) {

    private static final Pattern SYNTAX = Pattern.compile(
            "([A-Z][A-Z0-9]{2})(?:\\[(\\d+)])?-(\\d+)(?:\\((\\d+)\\))?(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** Paths come from channel documents and the engine's own reads, a small set read for every message. */
    private static final Map<String, Hl7Path> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 10_000;

    static Hl7Path parse(String text) {
        Hl7Path known = text == null ? null : PARSED.get(text);
        if (known != null) {
            return known;
        }
        Hl7Path path = parseNow(text);
        if (PARSED.size() >= PARSED_LIMIT) {
            PARSED.clear();
        }
        PARSED.put(text, path);
        return path;
    }

    private static Hl7Path parseNow(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an HL7 path: " + text);
        }
        return new Hl7Path(m.group(1), number(m.group(2), 1), Integer.parseInt(m.group(3)), number(m.group(4), 1),
                number(m.group(5), 0), number(m.group(6), 0));
    }

    static boolean valid(String text) {
        return text != null && SYNTAX.matcher(text.trim()).matches();
    }

    private static int number(String group, int absent) {
        return group == null ? absent : Integer.parseInt(group);
    }
}
