package org.medops.notify;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code medops_notify_deliveries_total} by target kind and outcome (sent, failed): a failed one gave up after its
 * retries or was held back by the per-minute limit. Every pair is registered at start, so the series exist at zero.
 */
@Component
class NotifyMetrics {

    private final Map<TargetKind, Counter> sent = new EnumMap<>(TargetKind.class);
    private final Map<TargetKind, Counter> failed = new EnumMap<>(TargetKind.class);

    NotifyMetrics(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        for (TargetKind kind : TargetKind.values()) {
            sent.put(kind, counter(registry, kind, "sent"));
            failed.put(kind, counter(registry, kind, "failed"));
        }
    }

    private static Counter counter(MeterRegistry registry, TargetKind kind, String outcome) {
        return Counter.builder("medops.notify.deliveries")
                .description("Notifications delivered or given up, by target kind")
                .tags("kind", kind.name().toLowerCase(), "outcome", outcome).register(registry);
    }

    void delivered(TargetKind kind, boolean ok) {
        (ok ? sent : failed).get(kind).increment();
    }
}
