package org.medops.integration.volumes;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Hours of past traffic written into the rollup where none was counted (an hour already counted is left as it is):
 * for demo data, so the volume charts of a fresh installation are not empty.
 */
@Repository
public class VolumeBackfill {

    /** One hour of a channel's intake (destination "") or of one destination's deliveries. */
    public record Hour(String channel, String destination, Instant hour, long received, long sent, long errored,
                       long latencyMillisSum, long latencyCount) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    VolumeBackfill(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int add(List<Hour> hours) {
        SqlParameterSource[] rows = hours.stream().map(h -> new MapSqlParameterSource().addValue("c", h.channel())
                        .addValue("d", h.destination()).addValue("b", Timestamp.from(h.hour().truncatedTo(ChronoUnit.HOURS)))
                        .addValue("r", h.received()).addValue("s", h.sent()).addValue("e", h.errored())
                        .addValue("ls", h.latencyMillisSum()).addValue("lc", h.latencyCount()))
                .toArray(SqlParameterSource[]::new);
        int[] done = jdbc.batchUpdate("""
                insert into integration_statistics(channel_code, granularity, bucket, destination, received, sent, errored,
                    latency_ms_sum, latency_count)
                values (:c, 'h', :b, :d, :r, :s, :e, :ls, :lc)
                on conflict (channel_code, granularity, bucket, destination) do nothing""", rows);
        return java.util.Arrays.stream(done).sum();
    }
}
