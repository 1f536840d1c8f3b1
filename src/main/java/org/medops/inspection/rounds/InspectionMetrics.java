package org.medops.inspection.rounds;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code medops_inspection_last_round_items} by result (pass, warn, fail, error) and
 * {@code medops_inspection_last_round_finished_seconds} (Unix time; 0 before the first round), read every few
 * seconds from the last finished round. Targets and checks are no labels: the round page has them.
 */
@Component
class InspectionMetrics {

    private static final Logger log = LoggerFactory.getLogger(InspectionMetrics.class);

    private final Rounds rounds;
    private final MultiGauge items;
    private final AtomicLong finishedAt = new AtomicLong();

    InspectionMetrics(Rounds rounds, ObjectProvider<MeterRegistry> meters) {
        this.rounds = rounds;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.items = MultiGauge.builder("medops.inspection.last.round.items")
                .description("Items of the last finished inspection round, by result").register(registry);
        Gauge.builder("medops.inspection.last.round.finished", finishedAt, AtomicLong::get)
                .description("When the last inspection round finished (Unix time, 0 before the first)")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(fixedDelayString = "${medops.metrics.refresh:15s}", initialDelay = 1000)
    void refresh() {
        try {
            Optional<Rounds.LastRound> last = rounds.lastFinished();
            finishedAt.set(last.map(r -> r.finishedAt().getEpochSecond()).orElse(0L));
            items.register(List.of(ItemResult.values()).stream().map(result -> MultiGauge.Row.of(
                    Tags.of("result", result.name().toLowerCase()),
                    last.map(r -> r.count(result)).orElse(0L))).toList(), true);
        } catch (RuntimeException e) {
            log.debug("Inspection gauges not refreshed: {}", e.getClass().getSimpleName());
        }
    }
}
