package org.medops.catalog;

import org.medops.shared.ProblemException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAPI document typed or uploaded as JSON or YAML, read into one tree. YAML goes through
 * SnakeYAML's safe constructor (no arbitrary types), with alias and size limits against "billion laughs".
 */
public final class OpenApiText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiText() {
    }

    /** The document as a tree; refused (400, {@code openapi-invalid}) unless it parses into an object. */
    public static JsonNode parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw ProblemException.invalid("openapi-invalid", "empty");
        }
        JsonNode tree;
        try {
            tree = trimmed.startsWith("{") ? JSON.readTree(trimmed) : JSON.valueToTree(yaml().load(trimmed));
        } catch (JacksonException | org.yaml.snakeyaml.error.YAMLException | IllegalArgumentException e) {
            throw ProblemException.invalid("openapi-invalid", firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw ProblemException.invalid("openapi-invalid", "not an object");
        }
        if (!tree.has("openapi") && !tree.has("swagger") && !tree.has("paths")) {
            throw ProblemException.invalid("openapi-invalid", "no openapi, swagger or paths");
        }
        return tree;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(2 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
