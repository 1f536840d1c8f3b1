package org.medops.integration.delivery;

import java.time.Clock;
import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.DataType;
import org.medops.integration.data.Payload;
import org.medops.integration.data.PayloadRejected;
import org.medops.integration.data.Payloads;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.DestinationStages;
import org.medops.integration.store.MessageBrowser;
import org.medops.integration.store.MessageDetail;
import org.medops.integration.store.MessageId;
import org.medops.integration.store.MessageStatus;
import org.medops.integration.store.QueueSignal;
import org.medops.integration.transform.Processed;
import org.medops.integration.transform.Processing;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a stored message through its channel's current filter and transformer again and queues it for every
 * destination (a parked message gets its attempts back). Audited.
 */
@Service
public class Reprocessing {

    private final MessageBrowser browser;
    private final ChannelDirectory channels;
    private final Processing processing;
    private final DeliveryQueue queue;
    private final DestinationStages stages;
    private final QueueSignal signal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reprocessing(MessageBrowser browser, ChannelDirectory channels, Processing processing, DeliveryQueue queue,
                 DestinationStages stages, QueueSignal signal, ApplicationEventPublisher events, Clock clock) {
        this.browser = browser;
        this.channels = channels;
        this.processing = processing;
        this.queue = queue;
        this.stages = stages;
        this.signal = signal;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public MessageStatus reprocess(long id) {
        MessageDetail message = browser.find(id).orElseThrow(() -> ProblemException.notFound("integration-message", id));
        MessageId key = browser.key(id).orElseThrow();
        ChannelDocument channel = channels.deployed(message.channel())
                .orElseThrow(() -> ProblemException.conflict("integration-message-channel-gone", message.channel()))
                .document();
        if (message.contentExpired()) {
            throw ProblemException.conflict("integration-message-content-expired", id);
        }
        DataType type = channel.source().data();
        Payload parsed;
        try {
            parsed = Payloads.parse(type, message.raw());
        } catch (PayloadRejected e) {
            throw ProblemException.conflict(type == DataType.HL7V2 ? "integration-message-not-hl7"
                    : "integration-message-unreadable", id);
        }
        Processed processed = processing.process(channel, parsed);
        MessageStatus status = MessageStatus.after(processed.outcome());
        List<String> destinations = channel.destinations().stream().map(ChannelDocument.Destination::name).toList();
        queue.requeue(key, channel.code(), status, processed.transformed(), processed.error(), destinations,
                channel.laneKeys(parsed), clock.instant());
        if (status == MessageStatus.QUEUED) {
            stages.restage(key, destinations, processed);
        }
        events.publishEvent(new MessageAction("integration.message.reprocess", String.valueOf(id),
                List.of(FieldChange.of("status", message.status(), status))));
        signal.ring(channel.code());
        return status;
    }
}
