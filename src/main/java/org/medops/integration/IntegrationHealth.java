package org.medops.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelState;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.delivery.Breakers;
import org.medops.integration.statistics.Counts;
import org.medops.integration.statistics.MessageStatistics;
import org.medops.integration.store.QueueDepths;
import org.springframework.stereotype.Service;

/**
 * The engine's state for the alert rules and the metrics: each channel's recent counts and last message, each
 * destination's queue and breaker. Names only channels and destinations, never message content.
 */
@Service
public class IntegrationHealth {

    private final ChannelDirectory channels;
    private final MessageStatistics statistics;
    private final QueueDepths queues;
    private final Breakers breakers;

    IntegrationHealth(ChannelDirectory channels, MessageStatistics statistics, QueueDepths queues, Breakers breakers) {
        this.channels = channels;
        this.statistics = statistics;
        this.queues = queues;
        this.breakers = breakers;
    }

    /**
     * Every stored channel with its messages received and errored over {@code window} and when it last received one
     * (from the rollup: to the end of that minute, so a silence is never reported early).
     */
    public List<ChannelActivity> channels(Duration window) {
        Map<String, Counts> counts = statistics.byChannel(window);
        return channels.states().stream().map(state -> {
            Counts c = counts.getOrDefault(state.code(), Counts.ZERO);
            return new ChannelActivity(state.code(), state.enabled(), c.received(), c.errored(),
                    statistics.lastReceived(state.code()).orElse(null));
        }).toList();
    }

    /** Every destination of every stored channel: queue depth, oldest queued message, breaker on this node. */
    public List<DestinationHealth> destinations() {
        Map<String, QueueDepths.QueueDepth> depths = queues.all().stream()
                .collect(Collectors.toMap(d -> d.channel() + '/' + d.destination(), Function.identity()));
        List<DestinationHealth> all = new ArrayList<>();
        for (ChannelState state : channels.states()) {
            DeployedChannel channel;
            try {
                channel = channels.deployed(state.code()).orElse(null);
            } catch (RuntimeException e) {
                continue; // a document this version cannot read is reported by the deployer, not here
            }
            if (channel == null) {
                continue;
            }
            for (var destination : channel.document().destinations()) {
                QueueDepths.QueueDepth depth = depths.get(state.code() + '/' + destination.name());
                all.add(new DestinationHealth(state.code(), destination.name(), depth == null ? 0 : depth.depth(),
                        depth == null ? null : depth.oldestReceivedAt(), breakers.state(state.code(), destination.name())));
            }
        }
        return all;
    }

    /** {@code errored} counts intake errors and parked deliveries. */
    public record ChannelActivity(String code, boolean enabled, long received, long errored, Instant lastReceivedAt) {

        public double errorRate() {
            return received == 0 ? 0 : errored * 100.0 / received;
        }
    }

    /** {@code breaker}: CLOSED, OPEN, HALF_OPEN, or UNKNOWN where no worker runs on this node. */
    public record DestinationHealth(String channel, String destination, long depth, Instant oldestQueuedAt,
                                    String breaker) {

        public boolean breakerOpen() {
            return "OPEN".equals(breaker);
        }
    }
}
