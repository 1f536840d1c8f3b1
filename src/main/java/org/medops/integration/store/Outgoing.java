package org.medops.integration.store;

/** What a destination is sent: the transformed content when there is one, else the raw message. */
public record Outgoing(long id, String channel, String controlId, String raw, String transformed) {

    public boolean isTransformed() {
        return transformed != null;
    }

    public String body() {
        return transformed != null ? transformed : raw;
    }

    /**
     * What the body is, for a receiver's Content-Type: a transformer's output is JSON; a raw message is what its
     * source took, recognised by its first character (HL7 v2, JSON or FHIR JSON, XML, else delimited text).
     */
    public String contentType() {
        if (transformed != null) {
            return "application/json; charset=utf-8";
        }
        String start = raw == null ? "" : raw.stripLeading();
        if (start.startsWith("MSH")) {
            return "application/hl7-v2; charset=utf-8";
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return "application/json; charset=utf-8";
        }
        return start.startsWith("<") ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8";
    }
}
