package org.medops.integration.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.DeliveryRow;
import org.medops.integration.store.MessageDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw against transformed for the message page, built from what the reader may see (masked or not): the raw
 * message segment by segment with the fields the channel's mapping steps read marked, the output's values with
 * where each came from (an HL7 field, a code table, a constant, an expression), and for destinations sent text a
 * line diff against the raw message.
 */
record MessageHighlight(List<RawLine> lines, List<OutputValue> values, List<LineDiff> diffs) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH = Pattern.compile("([A-Z][A-Z0-9]{2})(?:\\[(\\d+)])?-(\\d+).*");
    private static final int DIFF_LINES = 2_000;

    /** One segment; {@code readBy} of a field lists the output paths set from it (empty: not read). */
    record RawLine(String segment, List<Field> fields) {
    }

    record Field(String text, String readBy, boolean separator) {
    }

    /** {@code origin} is a message key suffix (from, lookup, constant, jsonata, javascript), {@code source} its argument. */
    record OutputValue(String path, String value, String origin, String source) {
    }

    record LineDiff(String destination, List<DiffLine> lines) {
    }

    /** {@code kind}: same, added (only in what was sent) or removed (only in the raw message). */
    record DiffLine(String kind, String text) {
    }

    static MessageHighlight of(MessageDetail message, ChannelDocument channel) {
        List<ChannelDocument.Step> steps = steps(channel);
        Map<String, List<String>> reads = new HashMap<>();
        for (ChannelDocument.Step step : steps) {
            if (step.from() == null) {
                continue;
            }
            Matcher m = PATH.matcher(step.from());
            if (m.matches()) {
                String key = m.group(1) + '#' + (m.group(2) == null ? "1" : m.group(2)) + '#' + m.group(3);
                reads.computeIfAbsent(key, k -> new ArrayList<>()).add(step.to());
            }
        }
        return new MessageHighlight(lines(message.rawByLine(), reads), values(message.transformed(), steps),
                diffs(message));
    }

    public boolean hasSteps() {
        return !values.isEmpty();
    }

    private static List<ChannelDocument.Step> steps(ChannelDocument channel) {
        if (channel == null || channel.transformer() == null) {
            return List.of();
        }
        return channel.transformer().steps();
    }

    private static List<RawLine> lines(String raw, Map<String, List<String>> reads) {
        List<RawLine> lines = new ArrayList<>();
        if (raw == null) {
            return lines;
        }
        String[] texts = raw.split("\n", -1);
        char separator = texts.length > 0 && texts[0].startsWith("MSH") && texts[0].length() > 3 ? texts[0].charAt(3) : '|';
        Map<String, Integer> seen = new HashMap<>();
        for (String text : texts) {
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split(Pattern.quote(String.valueOf(separator)), -1);
            String segment = parts[0];
            int occurrence = seen.merge(segment, 1, Integer::sum);
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    fields.add(new Field(String.valueOf(separator), null, true));
                }
                // MSH-1 is the separator itself, so MSH's fields sit one place earlier than other segments'.
                int number = "MSH".equals(segment) && i > 0 ? i + 1 : i;
                List<String> by = i == 0 ? null : reads.get(segment + '#' + occurrence + '#' + number);
                fields.add(new Field(parts[i], by == null ? null : String.join(", ", by), false));
            }
            lines.add(new RawLine(segment, fields));
        }
        return lines;
    }

    private static List<OutputValue> values(String transformed, List<ChannelDocument.Step> steps) {
        JsonNode output = null;
        if (transformed != null) {
            try {
                output = JSON.readTree(transformed);
            } catch (RuntimeException e) {
                output = null;
            }
        }
        Map<String, OutputValue> values = new LinkedHashMap<>();
        for (ChannelDocument.Step step : steps) {
            String origin;
            String source = null;
            if (step.from() != null) {
                origin = step.table().isEmpty() ? "from" : "lookup";
                source = step.from();
            } else if (step.constant() != null) {
                origin = "constant";
            } else if (step.jsonata() != null) {
                origin = "jsonata";
            } else {
                origin = "javascript";
            }
            values.put(step.to(), new OutputValue(step.to(), at(output, step.to()), origin, source));
        }
        return List.copyOf(values.values());
    }

    private static String at(JsonNode output, String path) {
        JsonNode node = output;
        for (String name : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.asString() : node.toString();
    }

    private static List<LineDiff> diffs(MessageDetail message) {
        List<LineDiff> diffs = new ArrayList<>();
        for (DeliveryRow d : message.destinations()) {
            String sent = d.sent();
            if (sent == null || message.raw() == null || sent.isBlank() || sent.startsWith("{") || sent.startsWith("[")
                    || sent.startsWith("\"")) {
                continue;
            }
            diffs.add(new LineDiff(d.name(), diff(message.rawByLine().split("\n"),
                    sent.replace("\r\n", "\n").replace('\r', '\n').split("\n"))));
        }
        return diffs;
    }

    /** A longest-common-subsequence line diff: small messages, so the quadratic table is fine (capped). */
    static List<DiffLine> diff(String[] before, String[] after) {
        int n = Math.min(before.length, DIFF_LINES);
        int m = Math.min(after.length, DIFF_LINES);
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before[i].equals(after[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<DiffLine> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before[i].equals(after[j])) {
                lines.add(new DiffLine("same", before[i++]));
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new DiffLine("removed", before[i++]));
            } else {
                lines.add(new DiffLine("added", after[j++]));
            }
        }
        return lines;
    }
}
