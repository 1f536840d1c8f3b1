package org.medops.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of every delivery attempt's outcome. */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long targetId, Message message, boolean sent, int attempts, String error, Instant at) {
        jdbc.sql("""
                insert into notify_deliveries(target_id, reference, title, status, attempts, error, delivered_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(targetId, message.reference(), message.title(), sent ? "SENT" : "FAILED", attempts, error,
                        Timestamp.from(at))
                .update();
    }

    List<Delivery> recent(int limit) {
        return jdbc.sql("""
                        select d.id, t.name as target, t.kind, d.reference, d.title, d.status, d.attempts, d.error,
                            d.delivered_at from notify_deliveries d join notify_targets t on t.id = d.target_id
                        order by d.id desc limit ?""")
                .param(limit).query(Delivery.class).list();
    }

    record Delivery(long id, String target, String kind, String reference, String title, String status, int attempts,
                    String error, Instant deliveredAt) {
    }
}
