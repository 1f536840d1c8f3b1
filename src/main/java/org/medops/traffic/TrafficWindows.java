package org.medops.traffic;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recent traffic per service and today's calls per channel, from the minute rollups: what the
 * monitoring center shows and what alert rules evaluate.
 */
@Service
public class TrafficWindows {

    private final JdbcClient jdbc;
    private final Clock clock;

    TrafficWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Calls per service over the last {@code window}, whole minutes included from its start. */
    public Map<String, ServiceWindow> byService(Duration window) {
        Map<String, Accumulator> accumulators = new HashMap<>();
        jdbc.sql("select service_code, calls, failures, latency_histogram from traffic_minute where bucket >= ?")
                .param(Timestamp.from(clock.instant().minus(window).truncatedTo(ChronoUnit.MINUTES)))
                .query(rs -> {
                    accumulators.computeIfAbsent(rs.getString("service_code"), k -> new Accumulator())
                            .add(rs.getLong("calls"), rs.getLong("failures"), rs.getArray("latency_histogram"));
                });
        Map<String, ServiceWindow> windows = new HashMap<>();
        accumulators.forEach((service, a) -> windows.put(service,
                new ServiceWindow(a.calls, a.failures, a.histogram.percentile(0.95, a.calls))));
        return windows;
    }

    /** Calls per channel since midnight in {@code zone}: what daily quotas are measured against. */
    public Map<String, Long> callsTodayByChannel(ZoneId zone) {
        Instant midnight = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        Map<String, Long> calls = new HashMap<>();
        jdbc.sql("select channel_code, sum(calls) from traffic_minute where bucket >= ? and channel_code <> '' "
                        + "group by channel_code")
                .param(Timestamp.from(midnight))
                .query(rs -> {
                    calls.put(rs.getString(1), rs.getLong(2));
                });
        return calls;
    }

    /** @param p95Millis upper bound of the histogram bucket holding the 95th percentile; null without calls */
    public record ServiceWindow(long calls, long failures, Double p95Millis) {
        public double failureRate() {
            return calls == 0 ? 0 : (double) failures / calls;
        }
    }

    private static final class Accumulator {
        long calls;
        long failures;
        final LatencyHistogram histogram = new LatencyHistogram();

        void add(long moreCalls, long moreFailures, Array counts) throws SQLException {
            calls += moreCalls;
            failures += moreFailures;
            histogram.add(counts);
        }
    }
}
