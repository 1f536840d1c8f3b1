package org.medops.traffic;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The traffic rollups the gateway keeps with every access-log batch: per minute, per hour and all-time totals, by
 * service, channel and status class. Figures, statistics and alert windows read these, never the raw log.
 */
@Repository
class Rollups {

    private static final String BUCKETS = "select bucket, service_code, channel_code, calls, failures,"
            + " latency_sum_micros, latency_histogram from ";

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One rollup row: a minute or an hour of one service, channel and status class. */
    record Bucket(Instant at, String serviceCode, String channelCode, long calls, long failures,
                  long latencySumMicros, long[] histogram) {
    }

    /** Per service over the figures' range: whole hours from the hourly table, the ragged edges from minutes. */
    record ServiceTotals(String serviceCode, long calls, long failures, long failures4xx, long latencySum) {
    }

    /** Every hourly bucket from the hour holding {@code from} up to {@code to}. */
    void forEachHour(Instant from, Instant to, Consumer<Bucket> consumer) {
        jdbc.sql(BUCKETS + "traffic_hour where bucket >= :from and bucket < :to")
                .param("from", Timestamp.from(from.truncatedTo(ChronoUnit.HOURS))).param("to", Timestamp.from(to))
                .query(rs -> {
                    consumer.accept(bucket(rs));
                });
    }

    /** The same, bound to one channel: a developer's usage never reads another channel's rows. */
    void forEachHourOfChannel(String channelCode, Instant from, Instant to, Consumer<Bucket> consumer) {
        jdbc.sql(BUCKETS + "traffic_hour where channel_code = :channel and bucket >= :from and bucket < :to")
                .param("channel", channelCode).param("from", Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)))
                .param("to", Timestamp.from(to))
                .query(rs -> {
                    consumer.accept(bucket(rs));
                });
    }

    /** Every minute bucket since the minute holding {@code since}: the alert windows and the monitor. */
    void forEachMinuteSince(Instant since, Consumer<Bucket> consumer) {
        jdbc.sql(BUCKETS + "traffic_minute where bucket >= :since")
                .param("since", Timestamp.from(since.truncatedTo(ChronoUnit.MINUTES)))
                .query(rs -> {
                    consumer.accept(bucket(rs));
                });
    }

    /** Calls per channel since {@code since} (known channels only): what daily quotas are measured against. */
    Map<String, Long> callsByChannelSince(Instant since) {
        Map<String, Long> calls = new HashMap<>();
        jdbc.sql("""
                        select channel_code, sum(calls) as calls from traffic_minute
                        where bucket >= :since and channel_code <> '' group by channel_code""")
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    calls.put(rs.getString("channel_code"), rs.getLong("calls"));
                });
        return calls;
    }

    /**
     * Per service in {@code [from, to)}, in three slices: minutes before the first whole hour, whole hours, minutes
     * after the last — a 30-day range reads a few hundred rows per service, not millions.
     */
    List<ServiceTotals> serviceTotals(Instant from, Instant to) {
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant lastHour = to.truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHour)) {
            // Within one hour (or across one boundary with no whole hour): minutes only.
            firstHour = to;
            lastHour = to;
        }
        String columns = "service_code, status_class, calls, failures, latency_sum_micros";
        return jdbc.sql("""
                        with r as (
                            select %1$s from traffic_minute where bucket >= :from and bucket < :firstHour
                            union all select %1$s from traffic_hour where bucket >= :firstHour and bucket < :lastHour
                            union all select %1$s from traffic_minute where bucket >= :lastHour and bucket < :to)
                        select service_code, sum(calls) as calls, sum(failures) as failures,
                            sum(case when status_class = 4 then failures else 0 end) as failures4xx,
                            sum(latency_sum_micros) as latency_sum
                        from r group by service_code""".formatted(columns))
                .param("from", Timestamp.from(from)).param("firstHour", Timestamp.from(firstHour))
                .param("lastHour", Timestamp.from(lastHour)).param("to", Timestamp.from(to))
                .query(ServiceTotals.class).list();
    }

    /** All calls the gateway ever served. */
    long cumulativeCalls() {
        return jdbc.sql("select coalesce(sum(calls), 0) from traffic_total").query(Long.class).single();
    }

    /** How finely the trend is drawn: each unit reads the table that holds its buckets. */
    enum TrendUnit {
        MINUTE("minute", "traffic_minute", "bucket"),
        TEN_MINUTES("10 minutes", "traffic_minute", "date_bin('10 minutes', bucket, timestamptz '2000-01-01')"),
        HOUR("hour", "traffic_hour", "bucket");

        private final String label;
        private final String table;
        private final String at;

        TrendUnit(String label, String table, String at) {
            this.label = label;
            this.table = table;
            this.at = at;
        }

        /** As the summary API names it. */
        String label() {
            return label;
        }

        Instant start(Instant from) {
            return from.truncatedTo(this == HOUR ? ChronoUnit.HOURS : ChronoUnit.MINUTES);
        }
    }

    /** Calls and failures per point of the trend, in time order. */
    List<TrafficSummary.TrendPoint> trend(TrendUnit unit, Instant from, Instant to) {
        return jdbc.sql("select " + unit.at + " as at, sum(calls) as calls, sum(failures) as failures from "
                        + unit.table + " where bucket >= :from and bucket < :to group by 1 order by 1")
                .param("from", Timestamp.from(unit.start(from))).param("to", Timestamp.from(to))
                .query(TrafficSummary.TrendPoint.class).list();
    }

    private static Bucket bucket(ResultSet rs) throws SQLException {
        return new Bucket(rs.getTimestamp("bucket").toInstant(), rs.getString("service_code"),
                rs.getString("channel_code"), rs.getLong("calls"), rs.getLong("failures"),
                rs.getLong("latency_sum_micros"), counts(rs.getArray("latency_histogram")));
    }

    private static long[] counts(Array histogram) throws SQLException {
        Object[] values = (Object[]) histogram.getArray();
        long[] counts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            counts[i] = ((Number) values[i]).longValue();
        }
        return counts;
    }
}
