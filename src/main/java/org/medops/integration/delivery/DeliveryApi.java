package org.medops.integration.delivery;

import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.MessageStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Destinations' queue depth and breaker state; reprocessing a stored message. */
@RestController
class DeliveryApi {

    private final ChannelDirectory channels;
    private final DeliveryQueue queue;
    private final Breakers breakers;
    private final Reprocessing reprocessing;

    DeliveryApi(ChannelDirectory channels, DeliveryQueue queue, Breakers breakers, Reprocessing reprocessing) {
        this.channels = channels;
        this.queue = queue;
        this.breakers = breakers;
        this.reprocessing = reprocessing;
    }

    @GetMapping("/api/v1/integration/channels/{code}/destinations")
    @PreAuthorize("hasAuthority('integration:read')")
    List<DestinationState> destinations(@PathVariable String code) {
        channels.get(code);
        ChannelDocument document = channels.deployed(code).orElseThrow().document();
        return document.destinations().stream().map(d -> new DestinationState(d.name(), d.url(),
                breakers.state(code, d.name()), queue.depth(code, d.name()))).toList();
    }

    @PostMapping("/api/v1/integration/messages/{id}/reprocess")
    @PreAuthorize("hasAuthority('integration:operate')")
    Reprocessed reprocess(@PathVariable long id) {
        return new Reprocessed(id, reprocessing.reprocess(id));
    }

    record DestinationState(String name, String url, String breaker, long queued) {
    }

    record Reprocessed(long id, MessageStatus status) {
    }
}
