package org.medops.integration.data;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delimited text (CSV, TSV) with a header line to {@code {"rows": [{header: value, …}, …]}}. The separator is a
 * tab when the header has one, else a semicolon when it has one and no comma, else a comma; values may be quoted
 * with {@code "} (a doubled quote inside); blank lines are skipped; empty values are left out of a row.
 */
final class Delimited {

    private Delimited() {
    }

    static JsonNode parse(String text) throws PayloadRejected {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> lines = records(body, separator(body));
        if (lines.isEmpty()) {
            throw new PayloadRejected("not delimited text: there is no header line");
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        if (header.stream().anyMatch(String::isEmpty) || header.stream().distinct().count() != header.size()) {
            throw new PayloadRejected("not delimited text: the header has an empty or repeated column name");
        }
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = form.putArray("rows");
        for (int i = 1; i < lines.size(); i++) {
            List<String> values = lines.get(i);
            if (values.size() > header.size()) {
                throw new PayloadRejected("not delimited text: line " + (i + 1) + " has " + values.size()
                        + " values, the header names " + header.size());
            }
            ObjectNode row = rows.addObject();
            for (int c = 0; c < values.size(); c++) {
                String value = values.get(c).strip();
                if (!value.isEmpty()) {
                    row.put(header.get(c), value);
                }
            }
        }
        return form;
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** The records, each a list of values; a quoted value may hold separators and line breaks. */
    private static List<List<String>> records(String text, char separator) throws PayloadRejected {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    value.append(c);
                }
            } else if (c == '"' && value.toString().isBlank()) {
                quoted = true;
                any = true;
                value.setLength(0);
            } else if (c == separator) {
                current.add(value.toString());
                value.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                end(records, current, value, any);
                current = new ArrayList<>();
                any = false;
            } else {
                value.append(c);
                any = any || !Character.isWhitespace(c);
            }
        }
        if (quoted) {
            throw new PayloadRejected("not delimited text: a quoted value is not closed (line " + line + ")");
        }
        end(records, current, value, any);
        return records;
    }

    private static void end(List<List<String>> records, List<String> current, StringBuilder value, boolean any) {
        if (any || !value.toString().isBlank()) {
            current.add(value.toString());
            records.add(current);
        }
        value.setLength(0);
    }
}
