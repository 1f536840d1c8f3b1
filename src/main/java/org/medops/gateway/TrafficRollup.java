package org.medops.gateway;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a batch of access-log records into per-minute and per-hour rollups by service, channel and
 * status class, and into all-time totals, with one upsert per table.
 */
final class TrafficRollup {

    /** Upper bounds (ms) of the latency histogram buckets; the last bucket is unbounded. */
    static final long[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

    private TrafficRollup() {
    }

    static void apply(Connection connection, List<AccessLogEntry> batch) throws SQLException {
        upsert(connection, "traffic_minute", fold(batch, ChronoUnit.MINUTES));
        upsert(connection, "traffic_hour", fold(batch, ChronoUnit.HOURS));
        Map<String, long[]> totals = new HashMap<>();
        for (AccessLogEntry entry : batch) {
            long[] total = totals.computeIfAbsent(orEmpty(entry.serviceCode()), k -> new long[2]);
            total[0]++;
            total[1] += failed(entry) ? 1 : 0;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into traffic_total(service_code, calls, failures) values (?, ?, ?)
                on conflict (service_code) do update set calls = traffic_total.calls + excluded.calls,
                    failures = traffic_total.failures + excluded.failures""")) {
            for (Map.Entry<String, long[]> total : totals.entrySet()) {
                statement.setString(1, total.getKey());
                statement.setLong(2, total.getValue()[0]);
                statement.setLong(3, total.getValue()[1]);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A failure is a final status of 400 or more, or any gateway error code (a fallback included). */
    static boolean failed(AccessLogEntry entry) {
        return entry.status() >= 400 || entry.errorCode() != null;
    }

    static int bucketOf(long micros) {
        long ms = micros / 1000;
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (ms < BOUNDS_MS[i]) {
                return i;
            }
        }
        return BOUNDS_MS.length;
    }

    private static Map<Key, Aggregate> fold(List<AccessLogEntry> batch, ChronoUnit unit) {
        Map<Key, Aggregate> rollup = new HashMap<>();
        for (AccessLogEntry entry : batch) {
            Key key = new Key(entry.occurredAt().truncatedTo(unit), orEmpty(entry.serviceCode()),
                    orEmpty(entry.channelCode()), (short) (entry.status() / 100));
            rollup.computeIfAbsent(key, k -> new Aggregate()).add(entry);
        }
        return rollup;
    }

    private static void upsert(Connection connection, String table, Map<Key, Aggregate> rollup) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into " + table + """
                 (bucket, service_code, channel_code, status_class, calls, failures, latency_sum_micros,
                    latency_max_micros, latency_histogram) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (bucket, service_code, channel_code, status_class) do update set
                    calls = %1$s.calls + excluded.calls,
                    failures = %1$s.failures + excluded.failures,
                    latency_sum_micros = %1$s.latency_sum_micros + excluded.latency_sum_micros,
                    latency_max_micros = greatest(%1$s.latency_max_micros, excluded.latency_max_micros),
                    latency_histogram = array(select a + b from unnest(%1$s.latency_histogram,
                        excluded.latency_histogram) as t(a, b))""".formatted(table))) {
            for (Map.Entry<Key, Aggregate> row : rollup.entrySet()) {
                Key key = row.getKey();
                Aggregate aggregate = row.getValue();
                statement.setTimestamp(1, Timestamp.from(key.bucket()));
                statement.setString(2, key.service());
                statement.setString(3, key.channel());
                statement.setShort(4, key.statusClass());
                statement.setLong(5, aggregate.calls);
                statement.setLong(6, aggregate.failures);
                statement.setLong(7, aggregate.latencySum);
                statement.setLong(8, aggregate.latencyMax);
                Long[] histogram = new Long[aggregate.histogram.length];
                for (int i = 0; i < histogram.length; i++) {
                    histogram[i] = aggregate.histogram[i];
                }
                Array array = connection.createArrayOf("bigint", histogram);
                statement.setArray(9, array);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private record Key(Instant bucket, String service, String channel, short statusClass) {
    }

    private static final class Aggregate {
        long calls;
        long failures;
        long latencySum;
        long latencyMax;
        final long[] histogram = new long[BOUNDS_MS.length + 1];

        void add(AccessLogEntry entry) {
            calls++;
            failures += failed(entry) ? 1 : 0;
            latencySum += entry.totalMicros();
            latencyMax = Math.max(latencyMax, entry.totalMicros());
            histogram[bucketOf(entry.totalMicros())]++;
        }
    }
}
