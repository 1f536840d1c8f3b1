package org.medops.integration.devices;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search-key values of device messages ({@code integration_device_keys}) and how far the indexer has read each
 * channel ({@code indexed_through}). A key search is a lookup of its primary key (channel, value, message).
 */
@Repository
class DeviceKeyIndex {

    /** The key of a message whose content does not parse: it has no keys, so its text is searched instead. */
    static final String UNPARSED = "";

    /**
     * Messages of a channel whose key holds a value, and those that did not parse whose text holds it, newest first;
     * joined to the store by its partition key.
     */
    static final String LOOKUP = """
            select m.id, m.received_at, m.status, m.control_id, m.raw
            from integration_device_keys k
            join integration_messages m on m.id = k.message_id and m.received_day = k.received_day
            where k.channel_code = :channel and k.key_value in (:value, '')
              and (k.key_value <> '' or strpos(m.raw, :value) > 0)
              and k.received_at >= :from and k.received_at < :to
              and (cast(:before as bigint) is null or k.message_id < :before)
            order by k.message_id desc limit :limit""";

    record Mark(String channel, long indexedThrough) {
    }

    record Unindexed(long id, LocalDate receivedDay, Instant receivedAt, String raw) {
    }

    record Key(String channel, String value, long messageId, LocalDate receivedDay, Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DeviceKeyIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<Mark> marks() {
        return jdbc.sql("select channel_code as channel, indexed_through from integration_device_interfaces order by channel_code")
                .query(Mark.class).list();
    }

    long mark(String channel) {
        return jdbc.sql("select indexed_through from integration_device_interfaces where channel_code = :channel")
                .param("channel", channel).query(Long.class).optional().orElse(0L);
    }

    /** The channel's next messages the indexer has not read, oldest first. */
    List<Unindexed> after(String channel, long mark, int limit) {
        return jdbc.sql("""
                        select id, received_day, received_at, raw from integration_messages
                        where channel_code = :channel and id > :mark order by id limit :limit""")
                .param("channel", channel).param("mark", mark).param("limit", limit).query(Unindexed.class).list();
    }

    void add(List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = keys.stream().map(k -> new MapSqlParameterSource()
                .addValue("channel", k.channel()).addValue("value", k.value()).addValue("message", k.messageId())
                .addValue("day", k.receivedDay()).addValue("at", Timestamp.from(k.receivedAt())))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into integration_device_keys(channel_code, key_value, message_id, received_day, received_at)
                values (:channel, :value, :message, :day, :at) on conflict do nothing""", rows);
    }

    /** Moves the mark on unless it was reset meanwhile (the keys changed): then the batch is read again. */
    boolean advance(String channel, long from, long to) {
        return jdbc.sql("""
                        update integration_device_interfaces set indexed_through = :to
                        where channel_code = :channel and indexed_through = :from""")
                .param("channel", channel).param("from", from).param("to", to).update() == 1;
    }

    /** Forgets a channel's keys, so the indexer reads its messages again with the keys as they are now. */
    void reset(String channel) {
        jdbc.sql("delete from integration_device_keys where channel_code = :channel").param("channel", channel).update();
        jdbc.sql("update integration_device_interfaces set indexed_through = 0 where channel_code = :channel")
                .param("channel", channel).update();
    }
}
