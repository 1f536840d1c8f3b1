package org.medops.integration.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The destination queues. Every method runs in the caller's (the worker's) transaction: the head stays
 * locked while it is sent, and what the send did is written before the lock is released.
 */
@Repository
public class DeliveryQueue {

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest entry of a destination, locked; empty when there is none or another worker holds it. */
    public Optional<QueueEntry> head(String channel, String destination) {
        return jdbc.sql("""
                        select seq, message_id, received_day, attempts, next_attempt_at from integration_queue
                        where channel_code = :channel and destination = :destination
                        order by seq limit 1 for update skip locked""")
                .param("channel", channel).param("destination", destination).query(QueueEntry.class).optional();
    }

    /** What the destination is sent: its own transformer's output when it has one, else the message's. */
    public Outgoing content(MessageId message, String destination) {
        return jdbc.sql("""
                        select m.id, m.channel_code as channel, m.control_id, m.raw,
                            coalesce(d.transformed, m.transformed) as transformed
                        from integration_messages m
                        left join integration_deliveries d on d.message_id = m.id and d.received_day = m.received_day
                            and d.destination = :destination
                        where m.id = :id and m.received_day = :day""")
                .param("id", message.id()).param("day", message.receivedDay()).param("destination", destination)
                .query(Outgoing.class).single();
    }

    public void sent(QueueEntry entry, String destination, String sent, String response, Instant at) {
        jdbc.sql("delete from integration_queue where seq = :seq").param("seq", entry.seq()).update();
        delivery(entry, destination, "SENT", sent, response, null, at);
        refresh(entry.message());
    }

    public void retry(QueueEntry entry, String destination, String sent, String response, String error, Instant next,
                      Instant at) {
        jdbc.sql("update integration_queue set attempts = attempts + 1, next_attempt_at = :next where seq = :seq")
                .param("seq", entry.seq()).param("next", Timestamp.from(next)).update();
        delivery(entry, destination, "QUEUED", sent, response, error, at);
    }

    /** A dead letter: the destination refused the message too often; it stays stored and can be reprocessed. */
    public void park(QueueEntry entry, String destination, String sent, String response, String error, Instant at) {
        jdbc.sql("delete from integration_queue where seq = :seq").param("seq", entry.seq()).update();
        delivery(entry, destination, "ERRORED", sent, response, error, at);
        refresh(entry.message());
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
                        List<String> destinations, Instant at) {
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
                            insert into integration_queue(channel_code, destination, message_id, received_day, next_attempt_at)
                            values (:channel, :destination, :id, :day, :at)""")
                    .param("channel", channel).param("destination", destination).param("id", message.id())
                    .param("day", message.receivedDay()).param("at", Timestamp.from(at)).update();
        }
    }

    private void delivery(QueueEntry entry, String destination, String status, String sent, String response,
                          String error, Instant at) {
        jdbc.sql("""
                        update integration_deliveries set status = :status, sent = :sent, response = :response,
                            error = :error, attempts = attempts + 1, updated_at = :at
                        where message_id = :id and received_day = :day and destination = :destination""")
                .param("id", entry.messageId()).param("day", entry.receivedDay()).param("destination", destination)
                .param("status", status).param("sent", sent).param("response", response).param("error", error)
                .param("at", Timestamp.from(at)).update();
    }

    /** A message is errored when one destination parked it, sent when every destination has it, else queued. */
    private void refresh(MessageId message) {
        jdbc.sql("""
                        update integration_messages m set status = case
                            when exists (select 1 from integration_deliveries d where d.message_id = m.id
                                         and d.received_day = m.received_day and d.status = 'ERRORED') then 'ERRORED'
                            when exists (select 1 from integration_deliveries d where d.message_id = m.id
                                         and d.received_day = m.received_day and d.status = 'QUEUED') then 'QUEUED'
                            else 'SENT' end
                        where m.id = :id and m.received_day = :day""")
                .param("id", message.id()).param("day", message.receivedDay()).update();
    }
}
