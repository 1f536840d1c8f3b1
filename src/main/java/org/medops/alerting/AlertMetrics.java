package org.medops.alerting;

import java.util.ArrayList;
import java.util.List;

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
 * {@code medops_alerts_unresolved} by severity and status (open, acknowledged), counted every few seconds; every
 * combination has a row, zero included.
 */
@Component
class AlertMetrics {

    private static final Logger log = LoggerFactory.getLogger(AlertMetrics.class);

    private final Alerts alerts;
    private final MultiGauge unresolved;

    AlertMetrics(Alerts alerts, ObjectProvider<MeterRegistry> meters) {
        this.alerts = alerts;
        this.unresolved = MultiGauge.builder("medops.alerts.unresolved")
                .description("Alert messages not resolved, by severity and status")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Scheduled(fixedDelayString = "${medops.metrics.refresh:15s}", initialDelay = 1000)
    void refresh() {
        try {
            List<Alerts.Unresolved> counts = alerts.unresolved();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (AlertSeverity severity : AlertSeverity.values()) {
                for (AlertStatus status : List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)) {
                    long n = counts.stream().filter(c -> c.severity() == severity && c.status() == status)
                            .mapToLong(Alerts.Unresolved::alerts).sum();
                    rows.add(MultiGauge.Row.of(Tags.of("severity", severity.name().toLowerCase(),
                            "status", status.name().toLowerCase()), n));
                }
            }
            unresolved.register(rows, true);
        } catch (RuntimeException e) {
            log.debug("Alert gauges not refreshed: {}", e.getClass().getSimpleName());
        }
    }
}
