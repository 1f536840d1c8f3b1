package org.medops.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.gateway.GatewayNodes;
import org.medops.gateway.ServiceReport;
import org.medops.settings.Settings;
import org.medops.traffic.TrafficWindows;
import org.springframework.stereotype.Component;

/** Finds, for a rule, every subject whose condition holds right now, with the value that broke it. */
@Component
class Conditions {

    private final TrafficWindows traffic;
    private final Catalog catalog;
    private final GatewayNodes nodes;
    private final Settings settings;
    private final Clock clock;

    Conditions(TrafficWindows traffic, Catalog catalog, GatewayNodes nodes, Settings settings, Clock clock) {
        this.traffic = traffic;
        this.catalog = catalog;
        this.nodes = nodes;
        this.settings = settings;
        this.clock = clock;
    }

    List<Violation> violations(AlertRule rule) {
        List<Violation> violations = new ArrayList<>();
        Duration window = Duration.ofMinutes(Math.max(1, rule.windowMinutes()));
        switch (rule.kind()) {
            case FAILURE_RATE -> {
                Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(window);
                for (ServiceDefinition service : catalog.services()) {
                    TrafficWindows.ServiceWindow w = windows.get(service.code());
                    if (rule.watches(service.code()) && w != null && w.calls() >= rule.minCalls()
                            && w.failureRate() * 100 > rule.threshold()) {
                        violations.add(new Violation(service.code(), w.failureRate() * 100, "服务 %s 最近 %d 分钟失败率 %.1f%% (%d/%d)，超过 %.1f%%"
                                .formatted(service.code(), rule.windowMinutes(), w.failureRate() * 100, w.failures(),
                                        w.calls(), rule.threshold())));
                    }
                }
            }
            case P95_LATENCY -> {
                Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(window);
                for (ServiceDefinition service : catalog.services()) {
                    TrafficWindows.ServiceWindow w = windows.get(service.code());
                    if (rule.watches(service.code()) && w != null && w.calls() >= rule.minCalls()
                            && w.p95Millis() != null && w.p95Millis() > rule.threshold()) {
                        violations.add(new Violation(service.code(), w.p95Millis(), "服务 %s 最近 %d 分钟 P95 时延 ≤%.0f ms 档，超过 %.0f ms"
                                .formatted(service.code(), rule.windowMinutes(), w.p95Millis(), rule.threshold())));
                    }
                }
            }
            case NO_TRAFFIC -> {
                Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(window);
                for (ServiceDefinition service : catalog.services()) {
                    TrafficWindows.ServiceWindow w = windows.get(service.code());
                    if (rule.watches(service.code()) && service.online() && (w == null || w.calls() == 0)) {
                        violations.add(new Violation(service.code(), 0.0, "服务 %s 最近 %d 分钟没有任何调用"
                                .formatted(service.code(), rule.windowMinutes())));
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
                            violations.add(new Violation(service, 1.0, "服务 %s 已熔断（节点 %s，自 %s）"
                                    .formatted(service, node.nodeId(), report.breakerSince())));
                        }
                    });
                }
            }
            case QUOTA_USAGE -> {
                Map<String, Long> used = traffic.callsTodayByChannel(settings.current().zone());
                for (Catalog.ChannelQuota quota : catalog.dailyQuotas()) {
                    double percent = used.getOrDefault(quota.channelCode(), 0L) * 100.0 / quota.perDay();
                    if (rule.watches(quota.channelCode()) && percent > rule.threshold()) {
                        violations.add(new Violation(quota.channelCode(), percent, "渠道 %s 今日已用配额 %.1f%%（%d 次），超过 %.0f%%"
                                .formatted(quota.channelCode(), percent, used.getOrDefault(quota.channelCode(), 0L),
                                        rule.threshold())));
                    }
                }
            }
            case NODE_SILENT -> {
                Instant limit = clock.instant().minus(window);
                for (GatewayNodes.NodeStatus node : nodes.all()) {
                    if (rule.watches(node.nodeId()) && node.heartbeatAt().isBefore(limit)) {
                        violations.add(new Violation(node.nodeId(), 0.0, "网关节点 %s 自 %s 起没有心跳"
                                .formatted(node.nodeId(), node.heartbeatAt())));
                    }
                }
            }
        }
        return violations;
    }

    record Violation(String subject, Double value, String message) {
    }
}
