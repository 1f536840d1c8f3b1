package org.medops.integration.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.DataType;
import org.medops.integration.data.Payload;
import org.medops.integration.data.PayloadRejected;
import org.medops.integration.data.Payloads;
import org.medops.integration.hl7.Hl7Charset;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.integration.store.DeliveryOutcomes;
import org.medops.integration.store.Inbound;
import org.medops.integration.store.MessageStatus;
import org.medops.integration.store.MessageWriter;
import org.medops.integration.transform.Processed;
import org.medops.integration.transform.Processing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One input to its outcome, the same for every source: decode (MSH-18 or the channel's charset for HL7, the
 * channel's charset otherwise, strictly), parse as the source's data type, filter and transform, store (group
 * commit). The future completes only after the commit, so a source answers only what is durable — and, in the
 * response modes that wait for the destinations ({@code DELIVERED}, {@code DESTINATION}), only after the delivery.
 */
@Component
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final MessageWriter writer;
    private final Processing processing;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;
    private final ObjectProvider<ReceivedBytesPolicy> policies;
    private volatile ReceivedBytesPolicy kept;

    Intake(MessageWriter writer, Processing processing, DeliveryOutcomes outcomes, Clock clock,
           ObjectProvider<ReceivedBytesPolicy> policies) {
        this.writer = writer;
        this.processing = processing;
        this.outcomes = outcomes;
        this.clock = clock;
        this.policies = policies;
    }

    /** The input as the store takes it: with the bytes exactly as received where the channel keeps them. */
    private Inbound withBytes(ChannelDocument channel, Received received, Inbound inbound) {
        ReceivedBytesPolicy policy = kept;
        if (policy == null) {
            policy = policies.getIfAvailable(() -> code -> false);
            kept = policy;
        }
        return policy.keeps(channel.code()) ? inbound.keeping(received.bytes()) : inbound;
    }

    public CompletableFuture<Taken> take(ChannelDocument channel, Received received) {
        Instant at = clock.instant();
        Charset fallback = Charset.forName(channel.source().charset());
        DataType type = channel.source().data();
        if (received.broken() != null) {
            return refuse(channel, received, lossy(received.bytes(), fallback), received.broken(), at, fallback);
        }
        String text;
        try {
            text = decode(type, received.bytes(), fallback);
        } catch (PayloadRejected e) {
            return refuse(channel, received, lossy(received.bytes(), fallback), e.getMessage(), at, fallback);
        }
        Payload payload;
        try {
            payload = Payloads.parse(type, text);
        } catch (PayloadRejected e) {
            return refuse(channel, received, text, e.getMessage(), at, fallback);
        }
        Charset charset = type == DataType.HL7V2 ? Hl7Charset.declaredOr(received.bytes(), fallback) : fallback;
        Processed processed = processing.process(channel, payload);
        MessageStatus status = MessageStatus.after(processed.outcome());
        String controlId = received.key() != null ? received.key() : payload.controlId();
        Inbound inbound = withBytes(channel, received, new Inbound(channel.code(), at, clean(text), controlId,
                payload.messageType(), status,
                processed.transformed(), processed.error(),
                channel.destinations().stream().map(ChannelDocument.Destination::name).toList(),
                duplicateWindow(channel, received), channel.laneKeys(payload), processed.routes()));
        ChannelDocument.Response response = channel.response();
        return writer.submit(inbound).handle((stored, failure) -> {
            if (failure != null) {
                log.warn("Channel {}: message {} not stored ({})", channel.code(), controlId,
                        failure.getClass().getSimpleName());
                return CompletableFuture.completedFuture(new Taken(Taken.Kind.UNSTORED, null,
                        "message not stored, please send it again", text, payload, charset, at, response, null));
            }
            Taken.Kind kind = stored.status() == MessageStatus.ERRORED ? Taken.Kind.FAILED : Taken.Kind.ACCEPTED;
            Taken taken = new Taken(kind, stored, processed.error(), text, payload, charset, at, response, null);
            if (stored.status() == MessageStatus.QUEUED && response.waitsForDelivery()) {
                Set<String> destinations = response.mode() == ChannelDocument.Response.Mode.DESTINATION
                        ? Set.of(response.destination()) : Set.copyOf(inbound.destinations());
                return outcomes.when(stored.messageId(), destinations, response.destination(), response.timeout())
                        .thenApply(taken::delivered);
            }
            return CompletableFuture.completedFuture(taken);
        }).thenCompose(taken -> taken);
    }

    private CompletableFuture<Taken> refuse(ChannelDocument channel, Received received, String raw, String reason,
                                            Instant at, Charset charset) {
        String controlId = received.key() != null ? received.key()
                : channel.source().data() == DataType.HL7V2 ? Hl7Message.controlIdOf(raw) : null;
        Inbound inbound = withBytes(channel, received, new Inbound(channel.code(), at, clean(raw), controlId, null,
                MessageStatus.ERRORED, null, reason, List.of(), null));
        // HAPI's FHIR reasons may quote a value of the resource, which logs must not hold.
        log.info("Channel {}: refused input: {}", channel.code(),
                channel.source().data() == DataType.FHIR ? "not a valid FHIR R4 resource" : reason);
        return writer.submit(inbound).handle((stored, failure) ->
                new Taken(Taken.Kind.REFUSED, failure == null ? stored : null, reason, raw, null, charset, at,
                        channel.response(), null));
    }

    /** A source's own key is always checked (crash safety); a control id when the channel checks duplicates. */
    private static Duration duplicateWindow(ChannelDocument channel, Received received) {
        ChannelDocument.Duplicates duplicates = channel.duplicates();
        if (received.key() != null) {
            return duplicates.window();
        }
        return Boolean.TRUE.equals(duplicates.enabled()) ? duplicates.window() : null;
    }

    private static String decode(DataType type, byte[] bytes, Charset fallback) throws PayloadRejected {
        if (type == DataType.HL7V2) {
            try {
                return Hl7Charset.decode(bytes, fallback);
            } catch (Hl7Rejected e) {
                throw new PayloadRejected(e.getMessage());
            }
        }
        try {
            String text = fallback.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new PayloadRejected("input is not valid " + fallback.name() + " text (the channel's charset)");
        }
    }

    /** Stored text never holds NUL (PostgreSQL refuses it); undecodable bytes become U+FFFD. */
    private static String lossy(byte[] bytes, Charset charset) {
        return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static String clean(String text) {
        return text.replace('\u0000', '\uFFFD');
    }
}
