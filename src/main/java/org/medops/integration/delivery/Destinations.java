package org.medops.integration.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.DeliveryQueue;
import org.springframework.stereotype.Service;

/**
 * A channel's destinations as the cluster delivers them, the same on every node: queue depth, the age of the
 * oldest queued entry, and from the live leases which node sends and what its breaker says.
 */
@Service
public class Destinations {

    private final ChannelDirectory channels;
    private final DeliveryQueue queue;
    private final Leases leases;
    private final Clock clock;

    Destinations(ChannelDirectory channels, DeliveryQueue queue, Leases leases, Clock clock) {
        this.channels = channels;
        this.queue = queue;
        this.leases = leases;
        this.clock = clock;
    }

    public List<DestinationState> of(String code) {
        channels.get(code);
        List<Leases.Held> live = leases.live(code);
        return channels.deployed(code).orElseThrow().document().destinations().stream()
                .map(d -> state(code, d, live.stream()
                        .filter(l -> l.destination().equals(d.name()) && l.lane() < d.lanes()).toList()))
                .toList();
    }

    private DestinationState state(String code, ChannelDocument.Destination destination, List<Leases.Held> held) {
        List<String> nodes = held.stream().map(Leases.Held::node).distinct().sorted().toList();
        Long oldest = queue.oldest(code, destination.name())
                .map(at -> Math.max(0, Duration.between(at, clock.instant()).toSeconds())).orElse(null);
        return new DestinationState(destination.name(), destination.address(), breaker(held),
                queue.depth(code, destination.name()), nodes.isEmpty() ? null : String.join(", ", nodes),
                destination.lanes(), oldest);
    }

    /** The worst state over the lanes: one open lane is an open destination. */
    private static String breaker(List<Leases.Held> held) {
        List<String> states = held.stream().map(Leases.Held::breaker).toList();
        if (states.isEmpty()) {
            return "UNKNOWN";
        }
        for (String worst : List.of("OPEN", "HALF_OPEN")) {
            if (states.contains(worst)) {
                return worst;
            }
        }
        return "CLOSED";
    }

    /**
     * {@code breaker}: CLOSED, OPEN, HALF_OPEN, or UNKNOWN while no node holds a lease; {@code node}: the
     * holder(s); {@code oldestQueuedSeconds}: the age of the head of the queue (null when empty).
     */
    public record DestinationState(String name, String url, String breaker, long queued, String node, int lanes,
                                   Long oldestQueuedSeconds) {
    }
}
