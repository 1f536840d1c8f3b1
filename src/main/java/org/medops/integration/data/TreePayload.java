package org.medops.integration.data;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON, XML, FHIR or delimited data held as its JSON form. */
record TreePayload(DataType type, String text, JsonNode tree, String controlId, String messageType) implements Payload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Object json() {
        return JSON.convertValue(tree, Object.class);
    }

    @Override
    public Optional<String> value(String path) {
        JsonNode node = JsonPath.at(tree, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asString() : node.toString()).filter(v -> !v.isEmpty());
    }
}
