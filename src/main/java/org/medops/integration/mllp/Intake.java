package org.medops.integration.mllp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.hl7.Ack;
import org.medops.integration.hl7.Hl7Charset;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.integration.store.DeliveryOutcomes;
import org.medops.integration.store.Inbound;
import org.medops.integration.store.MessageStatus;
import org.medops.integration.store.MessageWriter;
import org.medops.integration.store.Stored;
import org.medops.integration.transform.Processed;
import org.medops.integration.transform.Processing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received frame to its ACK: decode (MSH-18 or the channel's charset), parse, filter and transform,
 * store (group commit), and only then answer — AA when stored, AE when stored but the transformer failed or
 * when it could not be stored, AR when the input is not a message (stored as errored as well).
 */
final class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final MessageWriter writer;
    private final Processing processing;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;
    private final ZoneId zone;

    Intake(MessageWriter writer, Processing processing, DeliveryOutcomes outcomes, Clock clock, ZoneId zone) {
        this.writer = writer;
        this.processing = processing;
        this.outcomes = outcomes;
        this.clock = clock;
        this.zone = zone;
    }

    record Answer(byte[] ack, Charset charset) {
    }

    CompletableFuture<Answer> take(ChannelDocument channel, MllpFraming.Piece piece) {
        Instant at = clock.instant();
        Charset fallback = Charset.forName(channel.source().charset());
        if (piece.isBroken()) {
            return refuse(channel, lossy(piece.content(), fallback), piece.broken(), at, fallback);
        }
        String text;
        try {
            text = Hl7Charset.decode(piece.content(), fallback);
        } catch (Hl7Rejected e) {
            return refuse(channel, lossy(piece.content(), fallback), e.getMessage(), at, fallback);
        }
        Hl7Message message;
        try {
            message = Hl7Message.parse(text);
        } catch (Hl7Rejected e) {
            return refuse(channel, text, e.getMessage(), at, fallback);
        }
        Charset charset = Hl7Charset.declaredOr(piece.content(), fallback);
        Processed processed = processing.process(channel, message);
        MessageStatus status = MessageStatus.after(processed.outcome());
        Inbound inbound = new Inbound(channel.code(), at, clean(text), message.controlId(), message.messageType(), status,
                processed.transformed(), processed.error(),
                channel.destinations().stream().map(ChannelDocument.Destination::name).toList(),
                Boolean.TRUE.equals(channel.duplicates().enabled()) ? channel.duplicates().window() : null,
                channel.laneKeys(message));
        ChannelDocument.Response response = channel.response();
        return writer.submit(inbound).handle((stored, failure) -> {
            if (failure != null) {
                log.warn("Channel {}: message {} not stored, answered AE ({})", channel.code(), message.controlId(),
                        failure.getClass().getSimpleName());
                return CompletableFuture.completedFuture(answer(Ack.error(message, Ack.Code.AE,
                        "message not stored, please send it again", ackId(null), at, zone), charset));
            }
            if (stored.status() == MessageStatus.ERRORED && response.mode() != ChannelDocument.Response.Mode.RECEIVED) {
                return CompletableFuture.completedFuture(answer(Ack.error(message, Ack.Code.AE, processed.error(),
                        ackId(stored), at, zone), charset));
            }
            if (stored.status() == MessageStatus.QUEUED && response.waitsForDelivery()) {
                Set<String> destinations = response.mode() == ChannelDocument.Response.Mode.DESTINATION
                        ? Set.of(response.destination()) : Set.copyOf(inbound.destinations());
                return outcomes.when(stored.messageId(), destinations, response.destination(), response.timeout())
                        .thenApply(outcome -> answer(afterDelivery(message, outcome, response, ackId(stored), at), charset));
            }
            return CompletableFuture.completedFuture(answer(Ack.accept(message, ackId(stored), at, zone), charset));
        }).thenCompose(answer -> answer);
    }

    /**
     * The answer of a mode that waited for the destinations: AA once delivered — or, for the DESTINATION mode, the
     * code and text of that destination's own ACK when it answered HL7 — and AE when a destination parked the
     * message or the time ran out (then it stays queued and is still delivered; a resend is a duplicate).
     */
    private String afterDelivery(Hl7Message message, DeliveryOutcomes.Outcome outcome, ChannelDocument.Response response,
                                 String ackId, Instant at) {
        if (response.mode() == ChannelDocument.Response.Mode.DESTINATION && outcome.response() != null) {
            Optional<Relayed> relayed = Relayed.of(outcome.response());
            if (relayed.isPresent() && outcome.kind() != DeliveryOutcomes.Outcome.Kind.PENDING) {
                return relayed.get().code() == Ack.Code.AA ? Ack.accept(message, ackId, at, zone)
                        : Ack.error(message, relayed.get().code(), relayed.get().text(), ackId, at, zone);
            }
        }
        return switch (outcome.kind()) {
            case DELIVERED -> Ack.accept(message, ackId, at, zone);
            case PARKED -> Ack.error(message, Ack.Code.AE, "refused by " + outcome.error(), ackId, at, zone);
            case PENDING -> Ack.error(message, Ack.Code.AE, "stored and queued, not delivered within "
                    + response.timeout().toSeconds() + " s" + (outcome.error() == null ? "" : " (" + outcome.error() + ")"),
                    ackId, at, zone);
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

    private CompletableFuture<Answer> refuse(ChannelDocument channel, String raw, String reason, Instant at,
                                             Charset charset) {
        Inbound inbound = new Inbound(channel.code(), at, clean(raw), Hl7Message.controlIdOf(raw), null, MessageStatus.ERRORED, null,
                reason, java.util.List.of(), null);
        log.info("Channel {}: refused input with AR: {}", channel.code(), reason);
        return writer.submit(inbound).handle((stored, failure) ->
                answer(Ack.reject(raw, reason, ackId(failure == null ? stored : null), at, zone), charset));
    }

    private static Answer answer(String ack, Charset charset) {
        return new Answer(Hl7Charset.encode(ack, charset), charset);
    }

    private static String ackId(Stored stored) {
        return stored == null ? "A" + UUID.randomUUID().toString().substring(0, 8) : "A" + stored.id();
    }

    /** Stored text never holds NUL (PostgreSQL refuses it); undecodable bytes become U+FFFD. */
    private static String lossy(byte[] bytes, Charset charset) {
        return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static String clean(String text) {
        return text.replace('\u0000', '\uFFFD');
    }
}
