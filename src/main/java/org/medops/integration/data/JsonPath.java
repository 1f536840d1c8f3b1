package org.medops.integration.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** A dotted path into a JSON form: {@code patient.name}, {@code rows[0].K}, {@code entry[2].resource.id}. */
final class JsonPath {

    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d{1,6}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JsonPath() {
    }

    static boolean valid(String path) {
        if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".")) {
            return false;
        }
        for (String part : path.split("\\.", -1)) {
            if (!PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The node at the path, or null when any part is missing. */
    static JsonNode at(JsonNode root, String path) {
        if (!valid(path)) {
            return null;
        }
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            Matcher m = PART.matcher(part);
            m.matches();
            node = node == null ? null : node.get(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (node != null && index.find()) {
                node = node.isArray() ? node.get(Integer.parseInt(index.group(1))) : null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
