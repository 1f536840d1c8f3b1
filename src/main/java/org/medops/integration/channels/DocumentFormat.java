package org.medops.integration.channels;

import java.util.Locale;

import org.springframework.http.MediaType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A channel document is JSON or YAML, kept in the format it was written in: the text is stored as given, so the
 * format is read from the text itself (a JSON document starts with a brace; anything else is YAML).
 */
public enum DocumentFormat {

    JSON(MediaType.APPLICATION_JSON, "json",
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()),
    YAML(MediaType.parseMediaType("application/yaml"), "yaml",
            YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    private final MediaType mediaType;
    private final String extension;
    private final ObjectMapper mapper;

    DocumentFormat(MediaType mediaType, String extension, ObjectMapper mapper) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.mapper = mapper;
    }

    public static DocumentFormat of(String text) {
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }

    /** The format a file name says ({@code .json}, {@code .yaml}, {@code .yml}), or null for another name. */
    static DocumentFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : null;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String fileName(String code) {
        return code + "." + extension;
    }

    /** Unknown fields are refused in both formats: a typo in a document must not be silently ignored. */
    ObjectMapper mapper() {
        return mapper;
    }
}
