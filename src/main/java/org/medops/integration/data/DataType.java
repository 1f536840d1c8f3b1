package org.medops.integration.data;

import java.util.Locale;
import java.util.Optional;

import org.medops.integration.hl7.Hl7Message;

/** What the bytes a source takes are; filters and transformers see each as its JSON form. */
public enum DataType {
    HL7V2, JSON, XML, FHIR, DELIMITED;

    /** The type a source has when its document names none: HL7 v2 over MLLP, FHIR on a FHIR listener, else JSON. */
    public static DataType defaultFor(String sourceType) {
        return switch (sourceType == null ? "" : sourceType) {
            case "MLLP" -> HL7V2;
            case "FHIR" -> FHIR;
            default -> JSON;
        };
    }

    public static Optional<DataType> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a mapping step's {@code from} is a path of this type: an HL7 path, else a dotted JSON path. */
    public boolean isPath(String path) {
        return this == HL7V2 ? Hl7Message.isPath(path) : JsonPath.valid(path);
    }

    /** The content type a destination is sent this data as, when no transformer made JSON of it. */
    public String contentType() {
        return switch (this) {
            case HL7V2 -> "application/hl7-v2; charset=utf-8";
            case JSON -> "application/json; charset=utf-8";
            case FHIR -> "application/fhir+json; charset=utf-8";
            case XML -> "application/xml; charset=utf-8";
            case DELIMITED -> "text/csv; charset=utf-8";
        };
    }
}
