package org.medops.integration.devices;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Candidate messages of a device channel, newest first: those in the time range whose raw text holds the searched
 * value (the page then keeps those where a search key has exactly that value).
 */
@Repository
class DeviceMessageSearch {

    private final JdbcClient jdbc;

    DeviceMessageSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Candidate(long id, Instant receivedAt, String status, String controlId, String raw) {
    }

    List<Candidate> candidates(String channel, String contains, Instant from, Instant to, Long before, int limit) {
        return jdbc.sql("""
                        select id, received_at, status, control_id, raw from integration_messages
                        where channel_code = :channel and received_day between :fromDay and :toDay
                          and received_at >= :from and received_at < :to
                          and (cast(:before as bigint) is null or id < :before)
                          and (cast(:contains as varchar) is null or strpos(raw, :contains) > 0)
                        order by id desc limit :limit""")
                .param("channel", channel).param("fromDay", day(from)).param("toDay", day(to))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("before", before)
                .param("contains", contains).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("status"), rs.getString("control_id"), rs.getString("raw")))
                .list();
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
