package org.medops.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.gateway.GatewayNodes;
import org.medops.integration.IntegrationHealth;
import org.medops.settings.Settings;
import org.medops.traffic.TrafficWindows;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Finds, for a rule, every subject whose condition holds right now over a given line, with the value that broke
 * it. The message text lives in the bundles ({@code alerts.condition.<kind>}); the stored and notified copy is
 * Simplified Chinese, the page renders the arguments in the reader's language.
 */
@Component
class Conditions {

    private final TrafficWindows traffic;
    private final Catalog catalog;
    private final GatewayNodes nodes;
    private final Settings settings;
    private final IntegrationHealth integration;
    private final MessageSource messages;
    private final Clock clock;

    Conditions(TrafficWindows traffic, Catalog catalog, GatewayNodes nodes, Settings settings,
               IntegrationHealth integration, MessageSource messages, Clock clock) {
        this.traffic = traffic;
        this.catalog = catalog;
        this.nodes = nodes;
        this.settings = settings;
        this.integration = integration;
        this.messages = messages;
        this.clock = clock;
    }

    /** Subjects over {@code line} (the firing or the lower recovery threshold; ignored by state kinds). */
    List<Violation> violations(AlertRule rule, double line) {
        List<Violation> violations = new ArrayList<>();
        Duration window = Duration.ofMinutes(Math.max(1, rule.windowMinutes()));
        String minutes = Integer.toString(rule.windowMinutes());
        switch (rule.kind()) {
            case FAILURE_RATE -> {
                Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(window);
                for (ServiceDefinition service : catalog.services()) {
                    TrafficWindows.ServiceWindow w = windows.get(service.code());
                    if (rule.watches(service.code()) && w != null && w.calls() >= rule.minCalls()
                            && w.failureRate() * 100 > line) {
                        violations.add(violation(rule, service.code(), w.failureRate() * 100, service.code(), minutes,
                                "%.1f".formatted(w.failureRate() * 100), Long.toString(w.failures()),
                                Long.toString(w.calls()), "%.1f".formatted(rule.threshold())));
                    }
                }
            }
            case P95_LATENCY -> {
                Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(window);
                for (ServiceDefinition service : catalog.services()) {
                    TrafficWindows.ServiceWindow w = windows.get(service.code());
                    if (rule.watches(service.code()) && w != null && w.calls() >= rule.minCalls()
                            && w.p95Millis() != null && w.p95Millis() > line) {
                        violations.add(violation(rule, service.code(), w.p95Millis(), service.code(), minutes,
                                "%.0f".formatted(w.p95Millis()), "%.0f".formatted(rule.threshold())));
                    }
                }
            }
            case NO_TRAFFIC -> {
                Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(window);
                for (ServiceDefinition service : catalog.services()) {
                    TrafficWindows.ServiceWindow w = windows.get(service.code());
                    if (rule.watches(service.code()) && service.online() && (w == null || w.calls() == 0)) {
                        violations.add(violation(rule, service.code(), 0.0, service.code(), minutes));
                    }
                }
            }
            case CIRCUIT_OPEN -> {
                for (GatewayNodes.NodeStatus node : nodes.all()) {
                    if (!node.alive()) {
                        continue;
                    }
                    node.services().forEach((service, report) -> {
                        if (rule.watches(service) && "OPEN".equals(report.breaker())
                                && violations.stream().noneMatch(v -> v.subject().equals(service))) {
                            violations.add(violation(rule, service, 1.0, service, node.nodeId(),
                                    local(report.breakerSince())));
                        }
                    });
                }
            }
            case QUOTA_USAGE -> {
                Map<String, Long> used = traffic.callsTodayByChannel(settings.current().zone());
                for (Catalog.ChannelQuota quota : catalog.dailyQuotas()) {
                    long calls = used.getOrDefault(quota.channelCode(), 0L);
                    double percent = calls * 100.0 / quota.perDay();
                    if (rule.watches(quota.channelCode()) && percent > line) {
                        violations.add(violation(rule, quota.channelCode(), percent, quota.channelCode(),
                                "%.1f".formatted(percent), Long.toString(calls), "%.0f".formatted(rule.threshold())));
                    }
                }
            }
            case NODE_SILENT -> {
                Instant limit = clock.instant().minus(window);
                for (GatewayNodes.NodeStatus node : nodes.all()) {
                    if (rule.watches(node.nodeId()) && node.heartbeatAt().isBefore(limit)) {
                        violations.add(violation(rule, node.nodeId(), 0.0, node.nodeId(),
                                local(node.heartbeatAt())));
                    }
                }
            }
            case CHANNEL_ERROR_RATE -> {
                for (IntegrationHealth.ChannelActivity channel : integration.channels(window)) {
                    if (rule.watches(channel.code()) && channel.received() > 0 && channel.received() >= rule.minCalls()
                            && channel.errorRate() > line) {
                        violations.add(violation(rule, channel.code(), channel.errorRate(), channel.code(), minutes,
                                "%.1f".formatted(channel.errorRate()), Long.toString(channel.errored()),
                                Long.toString(channel.received()), "%.1f".formatted(rule.threshold())));
                    }
                }
            }
            case CHANNEL_QUEUE -> {
                Instant now = clock.instant();
                for (IntegrationHealth.DestinationHealth d : integration.destinations()) {
                    boolean old = rule.maxAgeMinutes() != null && d.oldestQueuedAt() != null
                            && d.oldestQueuedAt().isBefore(now.minus(Duration.ofMinutes(rule.maxAgeMinutes())));
                    if (rule.watchesDestination(d.channel(), d.destination()) && (d.depth() > line || old)) {
                        String subject = d.channel() + "/" + d.destination();
                        violations.add(violation(rule, subject, (double) d.depth(), old, d.channel(),
                                d.destination(), Long.toString(d.depth()), local(d.oldestQueuedAt()),
                                "%.0f".formatted(rule.threshold()),
                                rule.maxAgeMinutes() == null ? "—" : Integer.toString(rule.maxAgeMinutes())));
                    }
                }
            }
            case CHANNEL_SILENT -> {
                Instant now = clock.instant();
                java.time.ZonedDateTime local = now.atZone(settings.current().zone());
                Instant watchedSince = rule.activeHours() == null ? Instant.EPOCH
                        : rule.activeHours().openSince(local).map(java.time.ZonedDateTime::toInstant).orElse(null);
                if (watchedSince == null) {
                    break; // outside the active hours silence is expected
                }
                for (IntegrationHealth.ChannelActivity channel : integration.channels(window)) {
                    Instant quietSince = channel.lastReceivedAt() == null || channel.lastReceivedAt().isBefore(watchedSince)
                            ? watchedSince : channel.lastReceivedAt();
                    if (rule.watches(channel.code()) && channel.enabled() && !quietSince.isAfter(now.minus(window))) {
                        violations.add(violation(rule, channel.code(), 0.0, channel.code(), minutes,
                                local(channel.lastReceivedAt())));
                    }
                }
            }
            case CHANNEL_BREAKER_OPEN -> {
                for (IntegrationHealth.DestinationHealth d : integration.destinations()) {
                    if (rule.watchesDestination(d.channel(), d.destination()) && d.breakerOpen()) {
                        violations.add(violation(rule, d.channel() + "/" + d.destination(), 1.0, d.channel(),
                                d.destination()));
                    }
                }
            }
        }
        return violations;
    }


    /** A moment as the hospital reads it (its zone, to the second), not an ISO instant in UTC. */
    private String local(Instant at) {
        return at == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(settings.current().zone()).format(at);
    }

    private Violation violation(AlertRule rule, String subject, Double value, String... args) {
        return violation(rule, subject, value, false, args);
    }

    private Violation violation(AlertRule rule, String subject, Double value, boolean breach, String... args) {
        String message = messages.getMessage("alerts.condition." + rule.kind().name(), args,
                Locale.SIMPLIFIED_CHINESE);
        return new Violation(subject, value, breach, List.of(args), message);
    }

    /** @param breach the condition holds whatever the value says (a queue's oldest message waits too long) */
    record Violation(String subject, Double value, boolean breach, List<String> args, String message) {

        Violation(String subject, Double value, List<String> args, String message) {
            this(subject, value, false, args, message);
        }
    }
}
