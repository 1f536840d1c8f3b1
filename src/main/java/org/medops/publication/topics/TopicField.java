package org.medops.publication.topics;

import java.util.List;

/**
 * One field of a topic: its name (as in the API and the Excel header), data class and what values it takes.
 *
 * @param codeTable for {@link Kind#CODE}: the code table whose active codes it accepts
 * @param values    for {@link Kind#CHOICE}: the accepted values
 * @param refers    for {@link Kind#REFERENCE} and {@link Kind#REFERENCES}: the topic whose keys it names
 */
public record TopicField(String name, DataClass dataClass, Kind kind, boolean required, int max, String codeTable,
                         List<String> values, Topic refers) {

    public enum Kind { TEXT, NUMBER, DATE, PHONE, CODE, CHOICE, REFERENCE, REFERENCES }

    static TopicField text(String name, DataClass dataClass, boolean required, int max) {
        return new TopicField(name, dataClass, Kind.TEXT, required, max, null, List.of(), null);
    }

    static TopicField of(String name, DataClass dataClass, Kind kind, boolean required) {
        return new TopicField(name, dataClass, kind, required, 32, null, List.of(), null);
    }

    static TopicField code(String name, String table, boolean required) {
        return new TopicField(name, DataClass.PUBLIC, Kind.CODE, required, 32, table, List.of(), null);
    }

    static TopicField choice(String name, boolean required, String... values) {
        return new TopicField(name, DataClass.PUBLIC, Kind.CHOICE, required, 16, null, List.of(values), null);
    }

    static TopicField reference(String name, Topic refers, boolean many, boolean required) {
        return new TopicField(name, DataClass.PUBLIC, many ? Kind.REFERENCES : Kind.REFERENCE, required,
                many ? 500 : 64, null, List.of(), refers);
    }

    /** The key of its label in the bundles: {@code publication.field.<topic>.<name>}. */
    public String labelKey(Topic topic) {
        return "publication.field." + topic.path() + "." + name;
    }
}
