package org.medops.integration.intake;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.medops.integration.data.Payload;
import org.medops.integration.hl7.Ack;
import org.medops.integration.hl7.Hl7Charset;
import org.medops.integration.store.Stored;

/**
 * What became of one input, for its source to answer: {@code stored} is null when it could not be stored.
 * {@code text} is the decoded input (lossy for refused bytes), {@code payload} null when it did not parse.
 */
public record Taken(Kind kind, Stored stored, String reason, String text, Payload payload, Charset charset,
                    Instant receivedAt) {

    public enum Kind {
        /** Stored and passed on (queued), filtered or a duplicate. */
        ACCEPTED,
        /** Stored as errored: the filter or transformer failed. */
        FAILED,
        /** Not valid input of the source's data type (stored as errored with the reason, when the store could). */
        REFUSED,
        /** Valid, but the store failed: the sender should send it again. */
        UNSTORED
    }

    public Optional<Stored> storedMessage() {
        return Optional.ofNullable(stored);
    }

    /**
     * The HL7 acknowledgement (original mode): AA accepted, AE failed or not stored, AR refused — for HL7 v2 input
     * (a refused input is answered AR whatever it was).
     */
    public String ack(ZoneId zone) {
        String ackId = stored == null ? "A" + UUID.randomUUID().toString().substring(0, 8) : "A" + stored.id();
        if (kind == Kind.REFUSED || payload == null || payload.hl7().isEmpty()) {
            return Ack.reject(text, reason, ackId, receivedAt, zone);
        }
        var message = payload.hl7().get();
        return switch (kind) {
            case ACCEPTED -> Ack.accept(message, ackId, receivedAt, zone);
            case FAILED -> Ack.error(message, Ack.Code.AE, reason, ackId, receivedAt, zone);
            default -> Ack.error(message, Ack.Code.AE, "message not stored, please send it again", ackId, receivedAt, zone);
        };
    }

    /** The ACK encoded in the character set of the message it answers. */
    public byte[] ackBytes(ZoneId zone) {
        return Hl7Charset.encode(ack(zone), charset);
    }
}
