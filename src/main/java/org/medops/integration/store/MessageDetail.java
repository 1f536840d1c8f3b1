package org.medops.integration.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.medops.integration.data.ContentMask;
import org.medops.integration.hl7.PatientMask;
import org.springframework.security.core.Authentication;

/**
 * One message at every stage; {@code masked} says whether patient identifiers were masked for the reader,
 * {@code contentExpired} that retention removed its content (raw, transformed, sent, responses): only metadata is left.
 */
public record MessageDetail(long id, String channel, MessageStatus status, String controlId, String messageType,
                            Instant receivedAt, String raw, String transformed, String error, Long duplicateOf,
                            List<DeliveryRow> destinations, boolean masked) {

    @JsonProperty("contentExpired")
    public boolean contentExpired() {
        return raw == null;
    }

    /** The message as this reader may see it: whole with {@code integration:data}, else with identifiers masked. */
    public MessageDetail shownTo(Authentication reader) {
        boolean data = reader.getAuthorities().stream().anyMatch(a -> "integration:data".equals(a.getAuthority()));
        return data || contentExpired() ? this : withIdentifiersMasked();
    }

    /** The raw message with one segment per line, for reading (segments end in CR, which a page does not break on). */
    public String rawByLine() {
        return raw == null ? null : raw.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Identifiers found in the raw message (HL7 v2, JSON, FHIR, XML or delimited) are masked in every stage;
     * content that cannot be read as any of them is hidden.
     */
    public MessageDetail withIdentifiersMasked() {
        Optional<PatientMask> found = ContentMask.of(raw);
        if (found.isEmpty()) {
            // Not parsed, so nothing tells where the identifiers are: only its size is shown.
            return new MessageDetail(id, channel, status, controlId, messageType, receivedAt,
                    "… (" + raw.length() + ")", transformed == null ? null : "…", error, duplicateOf,
                    destinations.stream().map(d -> d.masked(v -> v == null ? null : "…")).toList(), true);
        }
        PatientMask mask = found.get();
        return new MessageDetail(id, channel, status, controlId, messageType, receivedAt, mask.apply(raw),
                mask.apply(transformed), mask.apply(error), duplicateOf,
                destinations.stream().map(d -> d.masked(mask::apply)).toList(), true);
    }
}
