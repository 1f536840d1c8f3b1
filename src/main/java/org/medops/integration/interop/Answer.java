package org.medops.integration.interop;

import java.util.Map;

/** What the interop port answers one request: status, content type, body and further headers. */
record Answer(int status, String contentType, byte[] bytes, Map<String, String> headers) {

    Answer(int status, String contentType, String body, Map<String, String> headers) {
        this(status, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    Answer(int status, String contentType, String body) {
        this(status, contentType, body, Map.of());
    }

    String body() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
