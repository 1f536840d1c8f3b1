package org.medops.integration.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How full each destination's queue is and since when its oldest message waits, for alerts and metrics. */
@Repository
public class QueueDepths {

    private final JdbcClient jdbc;

    QueueDepths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Only destinations with something queued; the queue is small, so one grouped read is cheap. */
    public List<QueueDepth> all() {
        return jdbc.sql("""
                        select q.channel_code, q.destination, count(*) as depth, min(m.received_at) as oldest
                        from integration_queue q
                        join integration_messages m on m.id = q.message_id and m.received_day = q.received_day
                        group by q.channel_code, q.destination""")
                .query((rs, n) -> new QueueDepth(rs.getString("channel_code"), rs.getString("destination"),
                        rs.getLong("depth"), instant(rs.getTimestamp("oldest")))).list();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** {@code oldestReceivedAt}: when the oldest message still queued for the destination was received. */
    public record QueueDepth(String channel, String destination, long depth, Instant oldestReceivedAt) {
    }
}
