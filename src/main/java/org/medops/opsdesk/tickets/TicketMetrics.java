package org.medops.opsdesk.tickets;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.medops.opsdesk.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code medops_opsdesk_tickets_open} and {@code medops_opsdesk_tickets_sla_breached} per priority, counted every
 * few seconds (not on each scrape, so a scraper cannot load the database). Every priority has a row, zero included,
 * so an alert rule sees the series before the first ticket.
 */
@Component
class TicketMetrics {

    private static final Logger log = LoggerFactory.getLogger(TicketMetrics.class);

    private final Tickets tickets;
    private final MultiGauge open;
    private final MultiGauge breached;

    TicketMetrics(Tickets tickets, ObjectProvider<MeterRegistry> meters) {
        this.tickets = tickets;
        MeterRegistry registry = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        this.open = MultiGauge.builder("medops.opsdesk.tickets.open")
                .description("Tickets not closed, by priority").register(registry);
        this.breached = MultiGauge.builder("medops.opsdesk.tickets.sla.breached")
                .description("Open tickets that broke an SLA target in their current cycle, by priority")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${medops.metrics.refresh:15s}", initialDelay = 1000)
    void refresh() {
        try {
            Map<Priority, Tickets.OpenByPriority> counts = new EnumMap<>(Priority.class);
            for (Tickets.OpenByPriority row : tickets.openByPriority()) {
                counts.put(row.priority(), row);
            }
            List<Priority> priorities = List.of(Priority.values());
            open.register(priorities.stream().map(p -> MultiGauge.Row.of(tags(p),
                    counts.containsKey(p) ? counts.get(p).open() : 0)).toList(), true);
            breached.register(priorities.stream().map(p -> MultiGauge.Row.of(tags(p),
                    counts.containsKey(p) ? counts.get(p).breached() : 0)).toList(), true);
        } catch (RuntimeException e) {
            log.debug("Ticket gauges not refreshed: {}", e.getClass().getSimpleName());
        }
    }

    private static Tags tags(Priority priority) {
        return Tags.of("priority", priority.name().toLowerCase());
    }
}
