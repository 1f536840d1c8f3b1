package org.medops.integration.devices;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Candidate messages of a device channel, newest first: those in the time range the key index has for the searched
 * value, and the newest, not yet indexed, whose raw text holds it (the page then keeps those where a search key has
 * exactly that value).
 */
@Repository
class DeviceMessageSearch {

    private final JdbcClient jdbc;

    DeviceMessageSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Candidate(long id, Instant receivedAt, String status, String controlId, String raw) {
    }

    /**
     * Without a value: the channel's messages in the range. With one: those the key index has for it, and of the
     * messages after {@code indexedThrough} (not yet indexed) those whose text holds it; newest first.
     */
    List<Candidate> candidates(String channel, String value, long indexedThrough, Instant from, Instant to, Long before,
                               int limit) {
        if (value == null) {
            return scan(channel, null, 0, from, to, before, limit);
        }
        List<Candidate> found = new java.util.ArrayList<>(jdbc.sql(DeviceKeyIndex.LOOKUP)
                .param("channel", channel).param("value", value).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("before", before).param("limit", limit)
                .query(DeviceMessageSearch::candidate).list());
        found.addAll(scan(channel, value, indexedThrough, from, to, before, limit));
        found.sort(java.util.Comparator.comparingLong(Candidate::id).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private List<Candidate> scan(String channel, String contains, long after, Instant from, Instant to, Long before,
                                 int limit) {
        return jdbc.sql("""
                        select id, received_at, status, control_id, raw from integration_messages
                        where channel_code = :channel and received_day between :fromDay and :toDay
                          and received_at >= :from and received_at < :to and id > :after
                          and (cast(:before as bigint) is null or id < :before)
                          and (cast(:contains as varchar) is null or strpos(raw, :contains) > 0)
                        order by id desc limit :limit""")
                .param("channel", channel).param("after", after).param("fromDay", day(from)).param("toDay", day(to))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("before", before)
                .param("contains", contains).param("limit", limit).query(DeviceMessageSearch::candidate).list();
    }

    private static Candidate candidate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Candidate(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(), rs.getString("status"),
                rs.getString("control_id"), rs.getString("raw"));
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
