package org.medops.records.archive;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Collects from every source now and then, so documents reach the archive without anyone pressing a button. */
@Component
@ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('console')")
class CollectorSchedule {

    private final Collector collector;

    CollectorSchedule(Collector collector) {
        this.collector = collector;
    }

    @Scheduled(fixedDelayString = "${medops.records.archive.collect-interval:10m}",
            initialDelayString = "${medops.records.archive.collect-interval:10m}")
    void run() {
        collector.collectAll();
    }
}
