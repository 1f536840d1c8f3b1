package org.medops.integration.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The destination queues. A queue (or a lane of it) is consumed by the one node that holds its lease, so reading
 * needs no row lock: the holder reads a batch in order, sends it with no transaction open, then records every
 * outcome of the batch in one transaction of the caller ({@link #record}).
 */
@Repository
public class DeliveryQueue {

    private static final int KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    DeliveryQueue(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A key's lane before the modulo: stable across nodes and restarts (String.hashCode is specified). */
    public static Integer laneHash(String key) {
        return key == null ? null : key.hashCode() & 0x7fffffff;
    }

    static String storedKey(String key) {
        return key == null || key.length() <= KEY_LENGTH ? key : key.substring(0, KEY_LENGTH);
    }

    /**
     * The first {@code limit} entries of a lane in queue order (due or not: the caller stops at the first that is
     * not due, so that nothing overtakes it). Entries without a key are in lane 0.
     */
    public List<QueueEntry> batch(String channel, String destination, int lane, int lanes, int limit) {
        return jdbc.sql("""
                        select seq, message_id, received_day, attempts, next_attempt_at from integration_queue
                        where channel_code = :channel and destination = :destination
                          and mod(coalesce(lane_hash, 0), :lanes) = :lane
                        order by seq limit :limit""")
                .param("channel", channel).param("destination", destination).param("lane", lane)
                .param("lanes", lanes).param("limit", limit).query(QueueEntry.class).list();
    }

    /**
     * What the destination is sent for each entry of a batch, by message id: its own transformer's output when it
     * has one, else the message's.
     */
    public Map<Long, Outgoing> contents(List<QueueEntry> entries, String destination) {
        Map<Long, Outgoing> contents = new HashMap<>();
        jdbc.sql("""
                        select m.id, m.channel_code as channel, m.control_id, m.raw,
                            coalesce(d.transformed, m.transformed) as transformed
                        from integration_messages m
                        left join integration_deliveries d on d.message_id = m.id and d.received_day = m.received_day
                            and d.destination = :destination
                        where m.id = any(:ids) and m.received_day = any(:days)""")
                .param("ids", entries.stream().map(QueueEntry::messageId).distinct().toArray(Long[]::new))
                .param("days", entries.stream().map(e -> java.sql.Date.valueOf(e.receivedDay())).distinct()
                        .toArray(java.sql.Date[]::new))
                .param("destination", destination)
                .query(Outgoing.class).list().forEach(o -> contents.put(o.id(), o));
        return contents;
    }


    /**
     * Writes what a batch's sends did, with JDBC batches: sent and parked entries leave the queue, a retried one
     * gets its next attempt; every delivery row gets its attempt; messages that left a queue get their status.
     */
    public void record(String destination, List<DeliveryAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        List<SqlParameterSource> leaving = new ArrayList<>();
        List<SqlParameterSource> retried = new ArrayList<>();
        List<SqlParameterSource> deliveries = new ArrayList<>();
        List<SqlParameterSource> messages = new ArrayList<>();
        for (DeliveryAttempt attempt : attempts) {
            QueueEntry entry = attempt.entry();
            MapSqlParameterSource seq = new MapSqlParameterSource("seq", entry.seq());
            if (attempt.leavesQueue()) {
                leaving.add(seq);
                messages.add(new MapSqlParameterSource().addValue("id", entry.messageId()).addValue("day", entry.receivedDay()));
            } else {
                retried.add(seq.addValue("next", Timestamp.from(attempt.next())));
            }
            deliveries.add(new MapSqlParameterSource().addValue("id", entry.messageId()).addValue("day", entry.receivedDay())
                    .addValue("destination", destination).addValue("status", attempt.outcome().deliveryStatus())
                    .addValue("sent", attempt.sent()).addValue("response", attempt.response())
                    .addValue("error", attempt.error()).addValue("at", Timestamp.from(attempt.at())));
        }
        if (!leaving.isEmpty()) {
            lockMessages(attempts);
            batches.batchUpdate("delete from integration_queue where seq = :seq", leaving.toArray(SqlParameterSource[]::new));
        }
        if (!retried.isEmpty()) {
            batches.batchUpdate("update integration_queue set attempts = attempts + 1, next_attempt_at = :next where seq = :seq",
                    retried.toArray(SqlParameterSource[]::new));
        }
        batches.batchUpdate("""
                        update integration_deliveries set status = :status, sent = :sent, response = :response,
                            error = :error, attempts = attempts + 1, updated_at = :at
                        where message_id = :id and received_day = :day and destination = :destination""",
                deliveries.toArray(SqlParameterSource[]::new));
        if (!messages.isEmpty()) {
            batches.batchUpdate(REFRESH, messages.toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * The workers of a message's other destinations may record at the same moment: each status refresh must see
     * the others' delivery rows, so the messages are locked (in id order, against deadlocks) before they change.
     */
    private void lockMessages(List<DeliveryAttempt> attempts) {
        jdbc.sql("""
                        select id from integration_messages where id = any(:ids) and received_day = any(:days)
                        order by id for update""")
                .param("ids", attempts.stream().map(a -> a.entry().messageId()).distinct().toArray(Long[]::new))
                .param("days", attempts.stream().map(a -> java.sql.Date.valueOf(a.entry().receivedDay())).distinct()
                        .toArray(java.sql.Date[]::new))
                .query(Long.class).list();
    }

    /** When the first entry still queued for a destination (its head) was queued; empty when its queue is empty. */
    public Optional<Instant> oldest(String channel, String destination) {
        return jdbc.sql("""
                        select queued_at from integration_queue where channel_code = :channel and destination = :destination
                        order by seq limit 1""")
                .param("channel", channel).param("destination", destination).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    public long depth(String channel, String destination) {
        return jdbc.sql("select count(*) from integration_queue where channel_code = :channel and destination = :destination")
                .param("channel", channel).param("destination", destination).query(Long.class).single();
    }

    /**
     * Queues a stored message again for the given destinations with new transformed content: its earlier
     * queue entries are dropped, its delivery rows start over. The status says what the filter decided.
     */
    public void requeue(MessageId message, String channel, MessageStatus status, String transformed, String error,
                        List<String> destinations, Map<String, String> laneKeys, Instant at) {
        jdbc.sql("delete from integration_queue where message_id = :id and received_day = :day")
                .param("id", message.id()).param("day", message.receivedDay()).update();
        jdbc.sql("""
                        update integration_messages set status = :status, transformed = :transformed, error = :error,
                            duplicate_of = null
                        where id = :id and received_day = :day""")
                .param("id", message.id()).param("day", message.receivedDay()).param("status", status.name())
                .param("transformed", transformed).param("error", error).update();
        if (status != MessageStatus.QUEUED) {
            return;
        }
        for (String destination : destinations) {
            jdbc.sql("""
                            insert into integration_deliveries(message_id, received_day, destination, status, attempts, updated_at)
                            values (:id, :day, :destination, 'QUEUED', 0, :at)
                            on conflict (message_id, received_day, destination) do update
                                set status = 'QUEUED', attempts = 0, error = null, sent = null, response = null,
                                    updated_at = :at""")
                    .param("id", message.id()).param("day", message.receivedDay()).param("destination", destination)
                    .param("at", Timestamp.from(at)).update();
            jdbc.sql("""
                            insert into integration_queue(channel_code, destination, message_id, received_day, next_attempt_at,
                                lane_key, lane_hash)
                            values (:channel, :destination, :id, :day, :at, :laneKey, :laneHash)""")
                    .param("channel", channel).param("destination", destination).param("id", message.id())
                    .param("day", message.receivedDay()).param("at", Timestamp.from(at))
                    .param("laneKey", storedKey(laneKeys.get(destination)))
                    .param("laneHash", laneHash(laneKeys.get(destination))).update();
        }
    }

    /** A message is errored when one destination parked it, sent when every destination has it, else queued. */
    private static final String REFRESH = """
            update integration_messages m set status = case
                when exists (select 1 from integration_deliveries d where d.message_id = m.id
                             and d.received_day = m.received_day and d.status = 'ERRORED') then 'ERRORED'
                when exists (select 1 from integration_deliveries d where d.message_id = m.id
                             and d.received_day = m.received_day and d.status = 'QUEUED') then 'QUEUED'
                else 'SENT' end
            where m.id = :id and m.received_day = :day""";
}
