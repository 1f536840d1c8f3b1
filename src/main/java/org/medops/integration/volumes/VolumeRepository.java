package org.medops.integration.volumes;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the hour rows of the statistics rollup (destination '' is a channel's intake), the delivery rows for
 * latency, and the content sizes of the store for storage.
 */
@Repository
class VolumeRepository {

    private final JdbcClient jdbc;

    VolumeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Bucket(String channel, String destination, LocalDateTime at, long received, long filtered, long sent,
                  long errored) {
    }

    /** Counts per channel, destination and {@code unit} (hour, day, month) of the hospital's wall clock. */
    List<Bucket> buckets(String unit, ZoneId zone, Instant from, Instant to, String channel) {
        return jdbc.sql("""
                        select channel_code, destination, date_trunc(:unit, bucket at time zone :zone) as at,
                            sum(received) as received, sum(filtered) as filtered, sum(sent) as sent,
                            sum(errored) as errored
                        from integration_statistics
                        where granularity = 'h' and bucket >= :from and bucket < :to
                          and (cast(:channel as varchar) is null or channel_code = :channel)
                        group by channel_code, destination, 3 order by 3, channel_code, destination""")
                .param("unit", unit).param("zone", zone.getId()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("channel", channel)
                .query((rs, n) -> new Bucket(rs.getString("channel_code"), rs.getString("destination"),
                        rs.getTimestamp("at").toLocalDateTime(), rs.getLong("received"), rs.getLong("filtered"),
                        rs.getLong("sent"), rs.getLong("errored")))
                .list();
    }

    /** Messages received per channel in [from, to). */
    List<Total> received(Instant from, Instant to) {
        return jdbc.sql("""
                        select channel_code, sum(received) as n from integration_statistics
                        where granularity = 'h' and destination = '' and bucket >= :from and bucket < :to
                        group by channel_code""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Total(rs.getString("channel_code"), rs.getLong("n"))).list();
    }

    record Total(String channel, long value) {
    }

    /** Delivery latency (sent − received) of sent deliveries; destination null: the channel's, channel null: all. */
    record Latency(String channel, String destination, long count, double mean, double p95) {
    }

    List<Latency> latency(Instant from, Instant to, String channel) {
        return jdbc.sql("""
                        select channel_code, destination, count(*) as n, avg(ms) as mean,
                            percentile_cont(0.95) within group (order by ms) as p95
                        from (select m.channel_code, d.destination,
                                  extract(epoch from (d.updated_at - m.received_at)) * 1000 as ms
                              from integration_deliveries d
                              join integration_messages m on m.id = d.message_id and m.received_day = d.received_day
                              where d.status = 'SENT' and d.received_day between :fromDay and :toDay
                                and m.received_at >= :from and m.received_at < :to
                                and (cast(:channel as varchar) is null or m.channel_code = :channel)) t
                        group by grouping sets ((channel_code, destination), (channel_code), ())""")
                .param("fromDay", day(from)).param("toDay", day(to)).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("channel", channel)
                .query((rs, n) -> new Latency(rs.getString("channel_code"), rs.getString("destination"), rs.getLong("n"),
                        rs.getDouble("mean"), rs.getDouble("p95")))
                .list();
    }

    record Stored(String channel, LocalDate day, long bytes) {
    }

    /** Bytes of stored content (raw, transformed, error, what was sent and answered) per channel and UTC day. */
    List<Stored> stored(String channel) {
        return jdbc.sql("""
                        select m.channel_code, m.received_day,
                            sum(coalesce(octet_length(m.raw), 0) + coalesce(octet_length(m.transformed), 0)
                                + coalesce(octet_length(m.error), 0) + coalesce(dd.bytes, 0)) as bytes
                        from integration_messages m
                        left join (select message_id, received_day,
                                       sum(coalesce(octet_length(sent), 0) + coalesce(octet_length(response), 0)
                                           + coalesce(octet_length(transformed), 0)) as bytes
                                   from integration_deliveries group by message_id, received_day) dd
                          on dd.message_id = m.id and dd.received_day = m.received_day
                        where cast(:channel as varchar) is null or m.channel_code = :channel
                        group by m.channel_code, m.received_day order by m.received_day""")
                .param("channel", channel)
                .query((rs, n) -> new Stored(rs.getString("channel_code"), rs.getDate("received_day").toLocalDate(),
                        rs.getLong("bytes")))
                .list();
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
