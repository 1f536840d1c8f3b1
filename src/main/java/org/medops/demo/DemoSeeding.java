package org.medops.demo;

import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds every module's demo data once the platform is up, after the demo accounts (order 10). Each seed runs
 * on its own: one that fails is logged with what failed and skipped, and the platform keeps running —
 * demo data is a convenience, the front door must open whatever it meets.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final ObjectProvider<DemoData> seeds;

    DemoSeeding(ObjectProvider<DemoData> seeds) {
        this.seeds = seeds;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void onReady() {
        seeds.orderedStream().forEach(seed -> {
            long started = System.nanoTime();
            try {
                seed.seed();
                log.info("Demo: {} seeded in {} ms", seed.name(), (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Demo: seeding {} failed and was skipped; the platform runs on without it", seed.name(), e);
            }
        });
    }
}
