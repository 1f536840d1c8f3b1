package org.medops.publication.topics;

import java.util.List;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Field values and diffs as the jsonb columns hold them. */
@Component
class FieldsJson {

    private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() { };
    private static final TypeReference<List<FieldDiff>> DIFFS = new TypeReference<>() { };

    private final JsonMapper json;

    FieldsJson(JsonMapper json) {
        this.json = json;
    }

    String write(TopicFields fields) {
        return json.writeValueAsString(fields.values());
    }

    TopicFields read(String text) {
        return new TopicFields(json.readValue(text, FIELDS));
    }

    String writeDiffs(List<FieldDiff> diffs) {
        return json.writeValueAsString(diffs);
    }

    List<FieldDiff> readDiffs(String text) {
        return json.readValue(text, DIFFS);
    }
}
