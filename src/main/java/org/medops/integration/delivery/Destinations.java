package org.medops.integration.delivery;

import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.store.DeliveryQueue;
import org.springframework.stereotype.Service;

/** A channel's destinations as they run on this node: queue depth and breaker state. */
@Service
public class Destinations {

    private final ChannelDirectory channels;
    private final DeliveryQueue queue;
    private final Breakers breakers;

    Destinations(ChannelDirectory channels, DeliveryQueue queue, Breakers breakers) {
        this.channels = channels;
        this.queue = queue;
        this.breakers = breakers;
    }

    public List<DestinationState> of(String code) {
        channels.get(code);
        return channels.deployed(code).orElseThrow().document().destinations().stream()
                .map(d -> new DestinationState(d.name(), d.target(), breakers.state(code, d.name()), queue.depth(code, d.name())))
                .toList();
    }

    /** {@code breaker}: CLOSED, OPEN, HALF_OPEN, or UNKNOWN where no worker runs on this node. */
    public record DestinationState(String name, String url, String breaker, long queued) {
    }
}
