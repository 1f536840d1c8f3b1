package org.medops.integration.interop;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.medops.integration.data.Fhir;

/**
 * One route: an HL7 v3 interaction id ({@code PRPA_IN201311UV02}) or a FHIR resource type ({@code Patient}) and the
 * channel that takes it.
 */
public record InteropRoute(String route, Kind kind, String channel, String description, Instant updatedAt,
                           String updatedBy) {

    private static final Pattern INTERACTION = Pattern.compile("[A-Z]{4}_IN\\d{6}(UV\\d{0,2})?");

    public enum Kind {
        HL7V3, FHIR;

        /** The data type the routed channel's source must read. */
        String dataType() {
            return this == HL7V3 ? "XML" : "FHIR";
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a route key is: an interaction id, a resource type, or neither (null). */
    static Kind kindOf(String route) {
        if (route == null) {
            return null;
        }
        if (INTERACTION.matcher(route).matches()) {
            return Kind.HL7V3;
        }
        return Fhir.isResourceType(route) ? Kind.FHIR : null;
    }
}
