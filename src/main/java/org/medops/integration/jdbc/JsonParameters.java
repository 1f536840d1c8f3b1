package org.medops.integration.jdbc;

import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import tools.jackson.databind.JsonNode;

/**
 * Named parameters read from a message's JSON by dotted path ({@code :patient.id}), plus {@code :messageId}. A path
 * the message does not have is SQL NULL; objects and arrays go in as their JSON text.
 */
final class JsonParameters extends AbstractSqlParameterSource {

    private final JsonNode root;
    private final Map<String, Object> extra;

    JsonParameters(JsonNode root, Map<String, Object> extra) {
        this.root = root;
        this.extra = extra;
    }

    @Override
    public boolean hasValue(String name) {
        return true;
    }

    @Override
    public Object getValue(String name) {
        if (extra.containsKey(name)) {
            return extra.get(name);
        }
        JsonNode node = root;
        for (String part : name.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return value(node);
    }

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.asLong() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.toString();
    }

    /** A row's columns as parameters of the mark statement, matched without regard to case. */
    static AbstractSqlParameterSource ofRow(Map<String, Object> row) {
        Map<String, Object> byName = new java.util.HashMap<>();
        row.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
        return new AbstractSqlParameterSource() {
            @Override
            public boolean hasValue(String name) {
                return byName.containsKey(name.toLowerCase(Locale.ROOT));
            }

            @Override
            public Object getValue(String name) {
                return byName.get(name.toLowerCase(Locale.ROOT));
            }
        };
    }
}
