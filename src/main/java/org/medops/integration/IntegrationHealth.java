package org.medops.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelState;
import org.medops.integration.delivery.Destinations;
import org.medops.integration.statistics.Counts;
import org.medops.integration.statistics.MessageStatistics;
import org.springframework.stereotype.Service;

/**
 * The engine's state for the alert rules and the metrics: each channel's recent counts and last message, each
 * destination's queue and breaker as the cluster sees them (the breaker from the delivery leases, so every node
 * reports the same). Names only channels and destinations, never message content.
 */
@Service
public class IntegrationHealth {

    private final ChannelDirectory channels;
    private final MessageStatistics statistics;
    private final Destinations destinations;
    private final Clock clock;

    IntegrationHealth(ChannelDirectory channels, MessageStatistics statistics, Destinations destinations, Clock clock) {
        this.channels = channels;
        this.statistics = statistics;
        this.destinations = destinations;
        this.clock = clock;
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

    /** Every destination of every stored channel: queue depth, since when its head waits, breaker state. */
    public List<DestinationHealth> destinations() {
        Instant now = clock.instant();
        List<DestinationHealth> all = new ArrayList<>();
        for (ChannelState state : channels.states()) {
            List<Destinations.DestinationState> of;
            try {
                of = destinations.of(state.code());
            } catch (RuntimeException e) {
                continue; // a document this version cannot read is reported by the deployer, not here
            }
            for (Destinations.DestinationState d : of) {
                all.add(new DestinationHealth(state.code(), d.name(), d.queued(),
                        d.oldestQueuedSeconds() == null ? null : now.minusSeconds(d.oldestQueuedSeconds()), d.breaker()));
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

    /** {@code breaker}: CLOSED, OPEN, HALF_OPEN, or UNKNOWN while no node holds the destination's lease. */
    public record DestinationHealth(String channel, String destination, long depth, Instant oldestQueuedAt,
                                    String breaker) {

        public boolean breakerOpen() {
            return "OPEN".equals(breaker);
        }
    }
}
