package org.medops.integration.intake;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.Payload;
import org.medops.integration.hl7.Ack;
import org.medops.integration.hl7.Hl7Charset;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.integration.store.DeliveryOutcomes;
import org.medops.integration.store.Stored;

/**
 * What became of one input, for its source to answer: {@code stored} is null when it could not be stored.
 * {@code text} is the decoded input (lossy for refused bytes), {@code payload} null when it did not parse.
 */
public record Taken(Kind kind, Stored stored, String reason, String text, Payload payload, Charset charset,
                    Instant receivedAt, ChannelDocument.Response response, DeliveryOutcomes.Outcome delivery) {

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

    /** The same, with what the destinations made of it (the modes that wait for them). */
    Taken delivered(DeliveryOutcomes.Outcome outcome) {
        return new Taken(kind, stored, reason, text, payload, charset, receivedAt, response, outcome);
    }

    /**
     * The HL7 acknowledgement (original mode): AA accepted, AE failed (AA in the {@code RECEIVED} mode) or not stored,
     * AR refused — a refused input is answered AR whatever it was. In the modes that waited for the destinations: AA
     * once delivered, AE when one parked it or the time ran out, or (DESTINATION) that destination's own ACK code and
     * text when it answered HL7.
     */
    public String ack(ZoneId zone) {
        String ackId = stored == null ? "A" + UUID.randomUUID().toString().substring(0, 8) : "A" + stored.id();
        if (kind == Kind.REFUSED || payload == null || payload.hl7().isEmpty()) {
            return Ack.reject(text, reason, ackId, receivedAt, zone);
        }
        var message = payload.hl7().get();
        if (kind == Kind.ACCEPTED && delivery != null) {
            return afterDelivery(message, ackId, zone);
        }
        return switch (kind) {
            case ACCEPTED -> Ack.accept(message, ackId, receivedAt, zone);
            case FAILED -> response != null && response.mode() == ChannelDocument.Response.Mode.RECEIVED
                    ? Ack.accept(message, ackId, receivedAt, zone)
                    : Ack.error(message, Ack.Code.AE, reason, ackId, receivedAt, zone);
            default -> Ack.error(message, Ack.Code.AE, "message not stored, please send it again", ackId, receivedAt, zone);
        };
    }

    private String afterDelivery(Hl7Message message, String ackId, ZoneId zone) {
        if (response.mode() == ChannelDocument.Response.Mode.DESTINATION && delivery.response() != null) {
            Optional<Relayed> relayed = Relayed.of(delivery.response());
            if (relayed.isPresent() && delivery.kind() != DeliveryOutcomes.Outcome.Kind.PENDING) {
                return relayed.get().code() == Ack.Code.AA ? Ack.accept(message, ackId, receivedAt, zone)
                        : Ack.error(message, relayed.get().code(), relayed.get().text(), ackId, receivedAt, zone);
            }
        }
        return switch (delivery.kind()) {
            case DELIVERED -> Ack.accept(message, ackId, receivedAt, zone);
            case PARKED -> Ack.error(message, Ack.Code.AE, "refused by " + delivery.error(), ackId, receivedAt, zone);
            case PENDING -> Ack.error(message, Ack.Code.AE, "stored and queued, not delivered within "
                    + response.timeout().toSeconds() + " s" + (delivery.error() == null ? "" : " (" + delivery.error() + ")"),
                    ackId, receivedAt, zone);
        };
    }

    /** A destination's HL7 ACK: MSA-1 (CA/CE/CR read as AA/AE/AR) and MSA-3. */
    private record Relayed(Ack.Code code, String text) {

        static Optional<Relayed> of(String response) {
            try {
                Hl7Message ack = Hl7Message.parse(response);
                String code = ack.value("MSA-1").orElse("");
                Ack.Code mapped = switch (code) {
                    case "AA", "CA" -> Ack.Code.AA;
                    case "AE", "CE" -> Ack.Code.AE;
                    case "AR", "CR" -> Ack.Code.AR;
                    default -> null;
                };
                return Optional.ofNullable(mapped).map(c -> new Relayed(c, ack.value("MSA-3").orElse("")));
            } catch (Hl7Rejected e) {
                return Optional.empty();
            }
        }
    }

    /** The ACK encoded in the character set of the message it answers. */
    public byte[] ackBytes(ZoneId zone) {
        return Hl7Charset.encode(ack(zone), charset);
    }
}
