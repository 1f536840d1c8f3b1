package org.medops.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.gateway.GatewayNodes;
import org.medops.gateway.ServiceReport;
import org.springframework.stereotype.Service;

/**
 * The operations monitoring center (运营监控中心): per service over the last five minutes, requests per
 * second, error rate and p95 latency from the rollup histograms, plus breaker state and upstream
 * health as the live gateway nodes report them.
 */
@Service
class ServiceMonitor {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final List<String> SEVERITY = List.of("CLOSED", "HALF_OPEN", "OPEN");

    private final TrafficWindows traffic;
    private final Catalog catalog;
    private final GatewayNodes nodes;
    private final Clock clock;

    ServiceMonitor(TrafficWindows traffic, Catalog catalog, GatewayNodes nodes, Clock clock) {
        this.traffic = traffic;
        this.catalog = catalog;
        this.nodes = nodes;
        this.clock = clock;
    }

    MonitorView view() {
        Instant now = clock.instant();
        Map<String, TrafficWindows.ServiceWindow> windows = traffic.byService(WINDOW);
        List<GatewayNodes.NodeStatus> live = nodes.all().stream().filter(GatewayNodes.NodeStatus::alive).toList();
        List<ServiceHealth> services = catalog.services().stream()
                .map(service -> health(service, windows.getOrDefault(service.code(),
                        new TrafficWindows.ServiceWindow(0, 0, null)), live))
                .sorted(Comparator.comparing(ServiceHealth::service))
                .toList();
        return new MonitorView(now, services, nodes.all());
    }

    private static ServiceHealth health(ServiceDefinition service, TrafficWindows.ServiceWindow window,
                                        List<GatewayNodes.NodeStatus> live) {
        String breaker = "CLOSED";
        Instant since = null;
        int healthy = service.upstreamUrls().size();
        for (GatewayNodes.NodeStatus node : live) {
            ServiceReport report = node.services().get(service.code());
            if (report == null) {
                continue;
            }
            if (SEVERITY.indexOf(report.breaker()) > SEVERITY.indexOf(breaker)) {
                breaker = report.breaker();
                since = report.breakerSince();
            } else if (report.breaker().equals(breaker) && since == null) {
                since = report.breakerSince();
            }
            healthy = Math.min(healthy, report.healthyUpstreams());
        }
        return new ServiceHealth(service.code(), service.name(), service.online(), window.calls(), window.failures(),
                window.calls() / (double) WINDOW.toSeconds(), window.failureRate(), window.p95Millis(), breaker, since,
                healthy, service.upstreamUrls().size());
    }

    record ServiceHealth(String service, String name, boolean online, long calls, long failures,
                         double requestsPerSecond, double errorRate, Double p95Millis, String breaker,
                         Instant breakerSince, int healthyUpstreams, int upstreams) {
    }

    record MonitorView(Instant at, List<ServiceHealth> services, List<GatewayNodes.NodeStatus> nodes) {
    }
}
