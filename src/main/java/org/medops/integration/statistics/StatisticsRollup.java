package org.medops.integration.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** The per-minute and per-hour rollup: counters are added (never replaced), so every node adds its own. */
@Repository
class StatisticsRollup {

    private final NamedParameterJdbcTemplate jdbc;

    StatisticsRollup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Key(String channel, String destination, Instant minute) {
    }

    /** Adds each minute's counts to its minute row and to its hour row, in one batch. */
    void add(Map<Key, Counts> counted) {
        SqlParameterSource[] rows = counted.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(Interval.MINUTE, Interval.HOUR)
                        .map(width -> row(e.getKey(), width, e.getValue())))
                .toArray(SqlParameterSource[]::new);
        if (rows.length == 0) {
            return;
        }
        jdbc.batchUpdate("""
                insert into integration_statistics(channel_code, granularity, bucket, destination, received, filtered,
                    queued, sent, errored, retried, latency_ms_sum, latency_count)
                values (:channel, :granularity, :bucket, :destination, :received, :filtered, :queued, :sent, :errored,
                    :retried, :latencySum, :latencyCount)
                on conflict (channel_code, granularity, bucket, destination) do update set
                    received = integration_statistics.received + excluded.received,
                    filtered = integration_statistics.filtered + excluded.filtered,
                    queued = integration_statistics.queued + excluded.queued,
                    sent = integration_statistics.sent + excluded.sent,
                    errored = integration_statistics.errored + excluded.errored,
                    retried = integration_statistics.retried + excluded.retried,
                    latency_ms_sum = integration_statistics.latency_ms_sum + excluded.latency_ms_sum,
                    latency_count = integration_statistics.latency_count + excluded.latency_count""", rows);
    }

    private static SqlParameterSource row(Key key, Interval width, Counts c) {
        return new MapSqlParameterSource().addValue("channel", key.channel()).addValue("destination", key.destination())
                .addValue("granularity", width.granularity()).addValue("bucket", Timestamp.from(width.bucket(key.minute())))
                .addValue("received", c.received()).addValue("filtered", c.filtered()).addValue("queued", c.queued())
                .addValue("sent", c.sent()).addValue("errored", c.errored()).addValue("retried", c.retried())
                .addValue("latencySum", c.latencyMillisSum()).addValue("latencyCount", c.latencyCount());
    }

    record Row(String destination, Instant bucket, Counts counts) {
    }

    List<Row> rows(String channel, Interval width, Instant from, Instant to) {
        return jdbc.query("""
                        select destination, bucket, received, filtered, queued, sent, errored, retried, latency_ms_sum,
                            latency_count
                        from integration_statistics
                        where channel_code = :channel and granularity = :granularity and bucket >= :from and bucket <= :to
                        order by bucket""",
                new MapSqlParameterSource().addValue("channel", channel).addValue("granularity", width.granularity())
                        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                (rs, n) -> new Row(rs.getString("destination"), rs.getTimestamp("bucket").toInstant(),
                        new Counts(rs.getLong("received"), rs.getLong("filtered"), rs.getLong("queued"),
                                rs.getLong("sent"), rs.getLong("errored"), rs.getLong("retried"),
                                rs.getLong("latency_ms_sum"), rs.getLong("latency_count"))));
    }

    /** Every channel's counts (intake and deliveries summed) in the minutes since {@code since}. */
    Map<String, Counts> byChannelSince(Instant since) {
        Map<String, Counts> totals = new HashMap<>();
        jdbc.query("""
                        select channel_code, sum(received) as received, sum(filtered) as filtered,
                            sum(case when destination = '' then queued else 0 end) as queued,
                            sum(sent) as sent, sum(errored) as errored, sum(retried) as retried,
                            sum(latency_ms_sum) as latency_sum, sum(latency_count) as latency_count
                        from integration_statistics where granularity = 'm' and bucket >= :since
                        group by channel_code""",
                new MapSqlParameterSource("since", Timestamp.from(since)),
                rs -> {
                    totals.put(rs.getString("channel_code"), new Counts(rs.getLong("received"), rs.getLong("filtered"),
                            rs.getLong("queued"), rs.getLong("sent"), rs.getLong("errored"), rs.getLong("retried"),
                            rs.getLong("latency_sum"), rs.getLong("latency_count")));
                });
        return totals;
    }

    /**
     * When a channel last received a message, to the end of the last minute (or, past the minute rows, hour) that
     * counted one: a probe of the primary key per granularity, newest first.
     */
    Optional<Instant> lastReceived(String channel) {
        for (Interval width : Interval.values()) {
            List<Timestamp> last = jdbc.queryForList("""
                            select bucket from integration_statistics
                            where channel_code = :channel and granularity = :granularity and destination = ''
                              and received > 0
                            order by bucket desc limit 1""",
                    new MapSqlParameterSource().addValue("channel", channel).addValue("granularity", width.granularity()),
                    Timestamp.class);
            if (!last.isEmpty()) {
                return Optional.of(width.next(last.get(0).toInstant()));
            }
        }
        return Optional.empty();
    }

    /** Minute rows are kept for the charts' longest minute range and a margin; hour rows as long as asked. */
    int prune(Instant minutesBefore, Instant hoursBefore) {
        return jdbc.update("""
                        delete from integration_statistics
                        where (granularity = 'm' and bucket < :minutes) or (granularity = 'h' and bucket < :hours)""",
                new MapSqlParameterSource().addValue("minutes", Timestamp.from(minutesBefore))
                        .addValue("hours", Timestamp.from(hoursBefore)));
    }
}
