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

    /** A target with id 0 is a person's address (see {@link Notifications#mail}), recorded as the recipient. */
    void record(Target target, Message message, boolean sent, int attempts, String error, Instant at) {
        jdbc.sql("""
                insert into notify_deliveries(target_id, recipient, reference, title, status, attempts, error,
                    delivered_at) values (:target, :recipient, :reference, :title, :status, :attempts, :error, :at)""")
                .param("target", target.id() == 0 ? null : target.id())
                .param("recipient", target.id() == 0 ? target.address() : null)
                .param("reference", message.reference())
                .param("title", message.title())
                .param("status", sent ? "SENT" : "FAILED")
                .param("attempts", attempts)
                .param("error", error)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Delivery> recent(int limit) {
        return jdbc.sql("""
                        select d.id, coalesce(t.name, d.recipient) as target, coalesce(t.kind, 'EMAIL') as kind,
                            d.reference, d.title, d.status, d.attempts, d.error, d.delivered_at
                        from notify_deliveries d left join notify_targets t on t.id = d.target_id
                        order by d.id desc limit :limit""")
                .param("limit", limit).query(Delivery.class).list();
    }

    record Delivery(long id, String target, String kind, String reference, String title, String status, int attempts,
                    String error, Instant deliveredAt) {
    }
}
