package org.medops.integration.mllp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.hl7.Ack;
import org.medops.integration.hl7.Hl7Charset;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
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
    private final Clock clock;
    private final ZoneId zone;

    Intake(MessageWriter writer, Processing processing, Clock clock, ZoneId zone) {
        this.writer = writer;
        this.processing = processing;
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
                processed.routes());
        return writer.submit(inbound).handle((stored, failure) -> {
            if (failure != null) {
                log.warn("Channel {}: message {} not stored, answered AE ({})", channel.code(), message.controlId(),
                        failure.getClass().getSimpleName());
                return answer(Ack.error(message, Ack.Code.AE, "message not stored, please send it again",
                        ackId(null), at, zone), charset);
            }
            if (stored.status() == MessageStatus.ERRORED) {
                return answer(Ack.error(message, Ack.Code.AE, processed.error(), ackId(stored), at, zone), charset);
            }
            return answer(Ack.accept(message, ackId(stored), at, zone), charset);
        });
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
