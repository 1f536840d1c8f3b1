package org.medops.traffic;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDefinition;
import org.medops.gateway.GatewayNodes;
import org.medops.gateway.ServiceReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operations monitoring center (运营监控中心): per service over the last five minutes, requests per
 * second, error rate and p95 latency from the rollup histograms, plus breaker state and upstream
 * health as the live gateway nodes report them.
 */
@Service
class ServiceMonitor {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final long[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
    private static final List<String> SEVERITY = List.of("CLOSED", "HALF_OPEN", "OPEN");

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final GatewayNodes nodes;
    private final Clock clock;

    ServiceMonitor(JdbcClient jdbc, Catalog catalog, GatewayNodes nodes, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.nodes = nodes;
        this.clock = clock;
    }

    MonitorView view() {
        Instant now = clock.instant();
        Map<String, Window> windows = new HashMap<>();
        jdbc.sql("select service_code, calls, failures, latency_histogram from traffic_minute where bucket >= ?")
                .param(Timestamp.from(now.minus(WINDOW).truncatedTo(ChronoUnit.MINUTES)))
                .query(rs -> {
                    Window window = windows.computeIfAbsent(rs.getString("service_code"), k -> new Window());
                    window.add(rs.getLong("calls"), rs.getLong("failures"), histogram(rs.getArray("latency_histogram")));
                });
        List<GatewayNodes.NodeStatus> live = nodes.all().stream().filter(GatewayNodes.NodeStatus::alive).toList();
        List<ServiceHealth> services = catalog.services().stream()
                .map(service -> health(service, windows.getOrDefault(service.code(), new Window()), live))
                .sorted(Comparator.comparing(ServiceHealth::service))
                .toList();
        return new MonitorView(now, services, nodes.all());
    }

    private static ServiceHealth health(ServiceDefinition service, Window window, List<GatewayNodes.NodeStatus> live) {
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
        return new ServiceHealth(service.code(), service.name(), service.online(), window.calls, window.failures,
                window.calls / (double) WINDOW.toSeconds(), window.calls == 0 ? 0 : (double) window.failures / window.calls,
                window.percentile(0.95), breaker, since, healthy, service.upstreamUrls().size());
    }

    private static long[] histogram(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] counts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            counts[i] = ((Number) values[i]).longValue();
        }
        return counts;
    }

    /** Calls of one service over the window, with their merged latency histogram. */
    private static final class Window {
        long calls;
        long failures;
        final long[] histogram = new long[BOUNDS_MS.length + 1];

        void add(long moreCalls, long moreFailures, long[] counts) {
            calls += moreCalls;
            failures += moreFailures;
            for (int i = 0; i < Math.min(counts.length, histogram.length); i++) {
                histogram[i] += counts[i];
            }
        }

        /** The upper bound of the bucket holding the percentile: an estimate never below the truth. */
        Double percentile(double q) {
            if (calls == 0) {
                return null;
            }
            long seen = 0;
            for (int i = 0; i < histogram.length; i++) {
                seen += histogram[i];
                if (seen >= Math.ceil(q * calls)) {
                    return i < BOUNDS_MS.length ? (double) BOUNDS_MS[i] : null;
                }
            }
            return null;
        }
    }

    record ServiceHealth(String service, String name, boolean online, long calls, long failures,
                         double requestsPerSecond, double errorRate, Double p95Millis, String breaker,
                         Instant breakerSince, int healthyUpstreams, int upstreams) {
    }

    record MonitorView(Instant at, List<ServiceHealth> services, List<GatewayNodes.NodeStatus> nodes) {
    }
}
