package org.medops.integration.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading the store: message search, one message with its deliveries, a channel's statistics. */
@Repository
public class MessageBrowser {

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageBrowser(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MessagePage search(MessageFilter filter) {
        MessageFilter f = filter.bounded(clock.instant());
        List<MessageRow> rows = jdbc.sql("""
                        select id, channel_code as channel, status, control_id, message_type, received_at
                        from integration_messages
                        where received_day between :fromDay and :toDay and received_at >= :from and received_at < :to
                          and (cast(:channel as varchar) is null or channel_code = :channel)
                          and (cast(:status as varchar) is null or status = :status)
                          and (cast(:control as varchar) is null or control_id = :control)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("fromDay", MessageWriter.day(f.from())).param("toDay", MessageWriter.day(f.to()))
                .param("from", Timestamp.from(f.from())).param("to", Timestamp.from(f.to()))
                .param("channel", f.channel()).param("status", f.status() == null ? null : f.status().name())
                .param("control", f.controlId()).param("before", f.before()).param("limit", f.size() + 1)
                .query(MessageRow.class).list();
        boolean more = rows.size() > f.size();
        List<MessageRow> page = more ? rows.subList(0, f.size()) : rows;
        return new MessagePage(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
    }

    /** The whole message, unmasked: callers mask it unless the reader holds the data permission. */
    public Optional<MessageDetail> find(long id) {
        return key(id).map(this::find);
    }

    /** The same by its key (id and day): one partition read instead of a probe of every day's partition. */
    public MessageDetail find(MessageId key) {
        List<DeliveryRow> deliveries = jdbc.sql("""
                        select destination as name, status, sent, response, attempts, error, updated_at, transformed
                        from integration_deliveries where message_id = :id and received_day = :day order by destination""")
                .param("id", key.id()).param("day", key.receivedDay()).query(DeliveryRow.class).list();
        return jdbc.sql("""
                        select id, channel_code, status, control_id, message_type, received_at, raw, transformed, error,
                            duplicate_of
                        from integration_messages where id = :id and received_day = :day""")
                .param("id", key.id()).param("day", key.receivedDay())
                .query((rs, n) -> new MessageDetail(rs.getLong("id"), rs.getString("channel_code"),
                        MessageStatus.valueOf(rs.getString("status")), rs.getString("control_id"),
                        rs.getString("message_type"), rs.getTimestamp("received_at").toInstant(), rs.getString("raw"),
                        rs.getString("transformed"), rs.getString("error"), (Long) rs.getObject("duplicate_of"),
                        deliveries, false))
                .single();
    }

    /**
     * The bytes the source received for the message, kept only on channels marked as device interfaces (and only
     * since they were marked); empty when none were kept or retention removed them.
     */
    public Optional<byte[]> receivedBytes(MessageId key) {
        return jdbc.sql("select raw_bytes from integration_messages where id = :id and received_day = :day")
                .param("id", key.id()).param("day", key.receivedDay())
                .query((rs, n) -> Optional.ofNullable(rs.getBytes("raw_bytes"))).optional().flatMap(b -> b);
    }

    public Optional<MessageId> key(long id) {
        return jdbc.sql("select id, received_day from integration_messages where id = :id").param("id", id)
                .query(MessageId.class).optional();
    }

    public ChannelStatistics statistics(String channel) {
        Map<String, Long> counts = jdbc.sql("""
                        select status, count(*) as n from integration_messages where channel_code = :channel group by status""")
                .param("channel", channel).query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long received = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ChannelStatistics(received, counts.getOrDefault("FILTERED", 0L), counts.getOrDefault("QUEUED", 0L),
                counts.getOrDefault("SENT", 0L), counts.getOrDefault("ERRORED", 0L));
    }
}
