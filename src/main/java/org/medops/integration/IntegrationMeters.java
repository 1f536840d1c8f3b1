package org.medops.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauges {@code medops_integration_queue_depth}, {@code medops_integration_queue_oldest_age_seconds} and {@code medops_integration_breaker_open} per channel and
 * destination, read every few seconds (not on each scrape, so a scraper cannot load the database). The counters and
 * the delivery timer are kept by the statistics on the message path.
 */
@Component
class IntegrationMeters {

    private static final Logger log = LoggerFactory.getLogger(IntegrationMeters.class);

    private final IntegrationHealth health;
    private final MultiGauge depth;
    private final MultiGauge breakerOpen;
    private final MultiGauge age;
    private final Clock clock;

    IntegrationMeters(IntegrationHealth health, MeterRegistry meters, Clock clock) {
        this.health = health;
        this.clock = clock;
        this.age = MultiGauge.builder("medops.integration.queue.oldest.age")
                .description("How long the oldest message in a destination's queue has waited (0 when empty)")
                .baseUnit("seconds").register(meters);
        this.depth = MultiGauge.builder("medops.integration.queue.depth")
                .description("Messages waiting in a destination's queue").register(meters);
        this.breakerOpen = MultiGauge.builder("medops.integration.breaker.open")
                .description("1 while a destination's circuit breaker is open on this node").register(meters);
    }

    @Scheduled(fixedDelayString = "${medops.integration.metrics-refresh:5s}", initialDelay = 1000)
    void refresh() {
        try {
            List<IntegrationHealth.DestinationHealth> destinations = health.destinations();
            depth.register(destinations.stream().map(d -> MultiGauge.Row.of(tags(d), d.depth())).toList(), true);
            Instant now = clock.instant();
            age.register(destinations.stream().map(d -> MultiGauge.Row.of(tags(d), d.oldestQueuedAt() == null ? 0
                    : Math.max(0, Duration.between(d.oldestQueuedAt(), now).toSeconds()))).toList(), true);
            breakerOpen.register(destinations.stream()
                    .map(d -> MultiGauge.Row.of(tags(d), d.breakerOpen() ? 1 : 0)).toList(), true);
        } catch (RuntimeException e) {
            log.debug("Integration gauges not refreshed: {}", e.getClass().getSimpleName());
        }
    }

    private static Tags tags(IntegrationHealth.DestinationHealth d) {
        return Tags.of("channel", d.channel(), "destination", d.destination());
    }
}
