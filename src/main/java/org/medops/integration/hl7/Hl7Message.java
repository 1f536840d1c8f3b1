package org.medops.integration.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HL7 v2 message, parsed leniently: segments may end in CR, LF or CRLF, Z-segments and unknown
 * segments are kept, fields beyond a segment's definition are kept, and nothing is validated against a
 * message structure (that is what lets a hospital's local dialects through). Escape sequences are decoded
 * with HAPI's rules when a value is read.
 */
public final class Hl7Message {

    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final Pattern SEGMENT_END = Pattern.compile("\r\n|\r|\n");

    private final String text;
    private final char fieldSeparator;
    private final String encoding;
    private final EncodingCharacters characters;
    private final List<Segment> segments;

    private Hl7Message(String text, char fieldSeparator, String encoding, List<Segment> segments) {
        this.text = text;
        this.fieldSeparator = fieldSeparator;
        this.encoding = encoding;
        this.characters = new EncodingCharacters(fieldSeparator, encoding);
        this.segments = segments;
    }

    public static Hl7Message parse(String text) throws Hl7Rejected {
        if (text == null || !text.startsWith("MSH") || text.length() < 8) {
            throw new Hl7Rejected("not an HL7 v2 message: it does not start with an MSH segment");
        }
        char separator = text.charAt(3);
        int encodingEnd = text.indexOf(separator, 4);
        if (Character.isLetterOrDigit(separator) || encodingEnd < 5 || encodingEnd > 8) {
            throw new Hl7Rejected("not an HL7 v2 message: MSH-1 and MSH-2 (separator and encoding characters) are missing");
        }
        String encoding = text.substring(4, encodingEnd);
        List<Segment> segments = new ArrayList<>();
        for (String line : SEGMENT_END.split(text)) {
            if (line.isBlank()) {
                continue;
            }
            String id = line.length() >= 3 ? line.substring(0, 3) : line;
            if (!SEGMENT_ID.matcher(id).matches() || (line.length() > 3 && line.charAt(3) != separator)) {
                // The line itself stays out of the reason: it may hold a patient's name, and reasons are logged.
                throw new Hl7Rejected("segment " + (segments.size() + 1) + " does not start with a segment id");
            }
            segments.add(new Segment(id, fields(id, line, separator)));
        }
        Hl7Message message = new Hl7Message(text, separator, encoding, segments);
        if (message.value("MSH-9.1").isEmpty()) {
            throw new Hl7Rejected("MSH-9 (message type) is empty");
        }
        return message;
    }

    /** Fields by number: index n holds SEG-n, so that MSH-1 is the separator and MSH-2 the encoding characters. */
    private static List<String> fields(String id, String line, char separator) {
        List<String> fields = new ArrayList<>();
        fields.add(id);
        String[] parts = split(line, separator);
        if (id.equals("MSH")) {
            fields.add(String.valueOf(separator));
        }
        for (int i = 1; i < parts.length; i++) {
            fields.add(parts[i]);
        }
        return fields;
    }

    /** MSH-10 read from text that did not parse (to echo it in an AR), or empty. */
    public static String controlIdOf(String text) {
        if (text != null && text.startsWith("MSH|")) {
            String[] fields = text.split("[\r\n]", 2)[0].split("\\|", -1);
            return fields.length > 9 ? fields[9] : "";
        }
        return "";
    }

    /** Whether {@code text} is a path this class reads, e.g. {@code PID-3.1} or {@code OBX[2]-5}. */
    public static boolean isPath(String text) {
        return Hl7Path.valid(text);
    }

    public String text() {
        return text;
    }

    /** MSH-10; empty when the sender left it out (such a message is never taken for a duplicate). */
    public String controlId() {
        return value("MSH-10").orElse("");
    }

    /** MSH-9.1^MSH-9.2, e.g. {@code ADT^A01}. */
    public String messageType() {
        String event = value("MSH-9.2").orElse("");
        return value("MSH-9.1").orElse("") + (event.isEmpty() ? "" : "^" + event);
    }

    /** The decoded value at a path such as {@code PID-3.1}; a field path without a component gives the whole field's first repetition as written. */
    public Optional<String> value(String path) {
        Hl7Path at = Hl7Path.parse(path);
        int seen = 0;
        for (Segment segment : segments) {
            if (segment.id().equals(at.segment()) && ++seen == at.occurrence()) {
                return segment.value(at, characters, fieldSeparator).filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }

    public List<String> segmentIds() {
        return segments.stream().map(Segment::id).toList();
    }

    /**
     * The documented JSON form: each segment id maps to the list of its occurrences; an occurrence maps
     * {@code PID-5} to the field, a field with components to {@code {"PID-5.1": …, "PID-5.2": …}}, a component with
     * subcomponents to {@code {"PID-3.4.1": …}}, and a repeated field to a list of its repetitions. Empty values are left out.
     */
    public ObjectNode json() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        for (Segment segment : segments) {
            ArrayNode occurrences = root.has(segment.id()) ? (ArrayNode) root.get(segment.id())
                    : root.putArray(segment.id());
            occurrences.add(segment.json(characters, encoding, nodes));
        }
        return root;
    }

    char fieldSeparator() {
        return fieldSeparator;
    }

    String encoding() {
        return encoding;
    }

    EncodingCharacters characters() {
        return characters;
    }

    private record Segment(String id, List<String> fields) {

        Optional<String> value(Hl7Path at, EncodingCharacters characters, char fieldSeparator) {
            if (at.field() >= fields.size()) {
                return Optional.empty();
            }
            String field = fields.get(at.field());
            if (id.equals("MSH") && at.field() <= 2) {
                return Optional.of(field);
            }
            String[] repetitions = split(field, characters.getRepetitionSeparator());
            if (at.repetition() > repetitions.length) {
                return Optional.empty();
            }
            String value = repetitions[at.repetition() - 1];
            if (at.component() > 0) {
                String[] components = split(value, characters.getComponentSeparator());
                value = at.component() <= components.length ? components[at.component() - 1] : "";
                if (at.subcomponent() > 0) {
                    String[] subs = split(value, characters.getSubcomponentSeparator());
                    value = at.subcomponent() <= subs.length ? subs[at.subcomponent() - 1] : "";
                }
            }
            return Optional.of(Escape.unescape(value, characters));
        }

        JsonNode json(EncodingCharacters characters, String encoding, JsonNodeFactory nodes) {
            ObjectNode segment = nodes.objectNode();
            for (int n = 1; n < fields.size(); n++) {
                String field = fields.get(n);
                String name = id + "-" + n;
                if (id.equals("MSH") && n <= 2) {
                    segment.put(name, n == 1 ? field : encoding);
                } else if (!field.isEmpty()) {
                    String[] repetitions = split(field, characters.getRepetitionSeparator());
                    if (repetitions.length == 1) {
                        segment.set(name, components(name, repetitions[0], characters, nodes));
                    } else {
                        ArrayNode list = segment.putArray(name);
                        for (String repetition : repetitions) {
                            list.add(components(name, repetition, characters, nodes));
                        }
                    }
                }
            }
            return segment;
        }

        private static JsonNode components(String name, String value, EncodingCharacters characters,
                                           JsonNodeFactory nodes) {
            String[] components = split(value, characters.getComponentSeparator());
            if (components.length == 1) {
                return subcomponents(name, components[0], characters, nodes);
            }
            ObjectNode object = nodes.objectNode();
            for (int c = 0; c < components.length; c++) {
                if (!components[c].isEmpty()) {
                    object.set(name + "." + (c + 1), subcomponents(name + "." + (c + 1), components[c], characters, nodes));
                }
            }
            return object;
        }

        private static JsonNode subcomponents(String name, String value, EncodingCharacters characters,
                                              JsonNodeFactory nodes) {
            String[] subs = split(value, characters.getSubcomponentSeparator());
            if (subs.length == 1) {
                return nodes.textNode(Escape.unescape(value, characters));
            }
            ObjectNode object = nodes.objectNode();
            for (int s = 0; s < subs.length; s++) {
                if (!subs[s].isEmpty()) {
                    object.put(name + "." + (s + 1), Escape.unescape(subs[s], characters));
                }
            }
            return object;
        }

    }

    /** Splits at every separator, keeping empty parts; no regular expression and no copy of a value without a
     * separator (this runs for every field, component and subcomponent). */
    static String[] split(String value, char separator) {
        int count = 1;
        for (int at = value.indexOf(separator); at >= 0; at = value.indexOf(separator, at + 1)) {
            count++;
        }
        String[] parts = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int at = value.indexOf(separator, start);
            parts[i] = value.substring(start, at);
            start = at + 1;
        }
        parts[count - 1] = start == 0 ? value : value.substring(start);
        return parts;
    }
}
