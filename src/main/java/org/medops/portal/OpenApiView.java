package org.medops.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * An OpenAPI (3.x, or Swagger 2) document read into what the portal prints as tables: each operation
 * with its parameters, request body fields and responses. Schemas are flattened into dotted field
 * rows ({@code items[].code}); {@code $ref}s into the document are followed, at most a few levels deep
 * and never round a cycle.
 */
record OpenApiView(String title, String version, String description, List<Operation> operations) {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final int MAX_DEPTH = 6;

    static OpenApiView of(JsonNode document) {
        JsonNode info = document.path("info");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isObject()) {
                    operations.add(operation(document, method.toUpperCase(), path.getKey(), path.getValue(), operation));
                }
            }
        }
        return new OpenApiView(text(info, "title"), text(info, "version"), text(info, "description"), operations);
    }

    private static Operation operation(JsonNode document, String method, String path, JsonNode pathItem,
                                       JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        Body body = null;
        List<JsonNode> declared = new ArrayList<>();
        pathItem.path("parameters").forEach(declared::add);
        operation.path("parameters").forEach(declared::add);
        for (JsonNode declaredParameter : declared) {
            JsonNode parameter = resolve(document, declaredParameter);
            if ("body".equals(text(parameter, "in"))) {
                body = body(document, "application/json", parameter.path("schema"), null);
                continue;
            }
            JsonNode schema = parameter.has("schema") ? resolve(document, parameter.path("schema")) : parameter;
            parameters.add(new Parameter(text(parameter, "name"), text(parameter, "in"),
                    parameter.path("required").asBoolean(false), type(document, schema),
                    text(parameter, "description")));
        }
        JsonNode requestBody = resolve(document, operation.path("requestBody"));
        if (requestBody.isObject()) {
            for (Map.Entry<String, JsonNode> content : requestBody.path("content").properties()) {
                body = body(document, content.getKey(), content.getValue().path("schema"),
                        example(content.getValue()));
                break;
            }
        }
        List<Response> responses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : operation.path("responses").properties()) {
            JsonNode response = resolve(document, entry.getValue());
            JsonNode schema = response.path("schema");
            for (Map.Entry<String, JsonNode> content : response.path("content").properties()) {
                schema = content.getValue().path("schema");
                break;
            }
            List<Field> fields = new ArrayList<>();
            flatten(document, schema, "", fields, 0, new HashSet<>());
            responses.add(new Response(entry.getKey(), text(response, "description"), fields));
        }
        return new Operation(method, path, text(operation, "summary"), text(operation, "description"),
                parameters, body, responses);
    }

    private static Body body(JsonNode document, String contentType, JsonNode schema, String example) {
        List<Field> fields = new ArrayList<>();
        flatten(document, schema, "", fields, 0, new HashSet<>());
        return new Body(contentType, fields, example);
    }

    private static String example(JsonNode media) {
        JsonNode example = media.path("example");
        if (example.isMissingNode() || example.isNull()) {
            return null;
        }
        return example.isString() ? example.asString() : example.toPrettyString();
    }

    /** One row per property; objects and arrays of objects open into their own properties. */
    private static void flatten(JsonNode document, JsonNode schemaOrRef, String prefix, List<Field> out, int depth,
                                Set<String> seen) {
        if (depth > MAX_DEPTH || schemaOrRef.isMissingNode()) {
            return;
        }
        String ref = text(schemaOrRef, "$ref");
        if (ref != null && !seen.add(ref)) {
            return;
        }
        JsonNode schema = resolve(document, schemaOrRef);
        if ("array".equals(text(schema, "type"))) {
            flatten(document, schema.path("items"), prefix + "[]", out, depth + 1, seen);
        } else {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asString()));
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
                JsonNode propertySchema = resolve(document, property.getValue());
                out.add(new Field(name, type(document, property.getValue()), required.contains(property.getKey()),
                        text(propertySchema, "description"), exampleText(propertySchema)));
                flatten(document, property.getValue(), name, out, depth + 1, seen);
            }
        }
        if (ref != null) {
            seen.remove(ref);
        }
    }

    private static String exampleText(JsonNode schema) {
        JsonNode example = schema.path("example");
        return example.isMissingNode() || example.isNull() || example.isContainer() ? null : example.asString();
    }

    /** {@code string}, {@code integer(int64)}, {@code array<Report>}, or the referenced schema's name. */
    private static String type(JsonNode document, JsonNode schemaOrRef) {
        return type(document, schemaOrRef, 0);
    }

    /** Arrays of arrays nest; an array whose items refer back to itself would nest forever, so eight deep is enough. */
    private static String type(JsonNode document, JsonNode schemaOrRef, int depth) {
        if (depth > 8) {
            return "…";
        }
        String ref = text(schemaOrRef, "$ref");
        JsonNode schema = resolve(document, schemaOrRef);
        String type = text(schema, "type");
        if ("array".equals(type)) {
            return "array<" + type(document, schema.path("items"), depth + 1) + ">";
        }
        if (ref != null && (type == null || "object".equals(type))) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        String format = text(schema, "format");
        String base = type == null ? (schema.has("properties") ? "object" : "—") : type;
        String enumeration = schema.has("enum") ? " " + schema.path("enum").toString() : "";
        return (format == null ? base : base + "(" + format + ")") + enumeration;
    }

    /** Follows a local {@code $ref} ({@code #/components/schemas/X}); anything else stays as it is. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10; hops++) {
            String ref = text(current, "$ref");
            if (ref == null || !ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.isContainer() ? null : value.asString();
    }

    record Operation(String method, String path, String summary, String description, List<Parameter> parameters,
                     Body requestBody, List<Response> responses) {
        /** An id for anchors: {@code get-reports-id}. */
        public String anchor() {
            return (method + path).toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }
    }

    record Parameter(String name, String in, boolean required, String type, String description) {
    }

    record Body(String contentType, List<Field> fields, String example) {
    }

    record Response(String status, String description, List<Field> fields) {
    }

    record Field(String name, String type, boolean required, String description, String example) {
    }
}
