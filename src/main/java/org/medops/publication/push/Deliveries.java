package org.medops.publication.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The push queue and its attempt log. */
@Repository("publicationDeliveries")
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(long subscription, long version, Instant at) {
        jdbc.sql("""
                        insert into publication_deliveries(subscription_id, version, status, next_attempt_at, created_at)
                        values (:subscription, :version, 'PENDING', :at, :at)
                        on conflict (subscription_id, version) do nothing""")
                .param("subscription", subscription).param("version", version).param("at", Timestamp.from(at)).update();
    }

    /** Subscriptions whose oldest undelivered publication is due: only the head of each queue is ever tried. */
    List<Long> dueSubscriptions(Instant now) {
        return jdbc.sql("""
                        select d.subscription_id from publication_deliveries d
                        where d.status = 'PENDING' and d.next_attempt_at <= :now
                          and not exists (select 1 from publication_deliveries e where e.subscription_id = d.subscription_id
                              and e.status = 'PENDING' and e.version < d.version)
                        order by d.next_attempt_at limit 100""")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /** Takes the subscription for this transaction; another node pushing the same queue gets false. */
    boolean lock(long subscription) {
        return jdbc.sql("select pg_try_advisory_xact_lock(19, cast(:id as int))").param("id", subscription)
                .query(Boolean.class).single();
    }

    Optional<Delivery> head(long subscription) {
        return jdbc.sql("""
                        select * from publication_deliveries where subscription_id = :id and status = 'PENDING'
                        order by version limit 1""")
                .param("id", subscription).query(this::map).optional();
    }

    void delivered(long id, Instant at) {
        jdbc.sql("""
                        update publication_deliveries set status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at,
                            last_error = null where id = :id""")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    void failed(long id, String error, Instant next) {
        jdbc.sql("""
                        update publication_deliveries set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        where id = :id""")
                .param("id", id).param("error", error).param("next", Timestamp.from(next)).update();
    }

    /** A subscription that ended gets nothing more. */
    int drop(long subscription) {
        return jdbc.sql("update publication_deliveries set status = 'DROPPED' where subscription_id = :id and status = 'PENDING'")
                .param("id", subscription).update();
    }

    void log(Delivery.Attempt attempt) {
        jdbc.sql("""
                        insert into publication_delivery_attempts(delivery_id, at, http_status, error, millis)
                        values (:delivery, :at, :status, :error, :millis)""")
                .param("delivery", attempt.deliveryId()).param("at", Timestamp.from(attempt.at()))
                .param("status", attempt.httpStatus()).param("error", attempt.error()).param("millis", attempt.millis())
                .update();
    }

    /** Newest first; {@code subscription} null for every channel. */
    List<Delivery> list(Long subscription, Delivery.Status status, long offset, int limit) {
        return jdbc.sql("""
                        select * from publication_deliveries
                        where (cast(:subscription as bigint) is null or subscription_id = :subscription)
                          and (cast(:status as varchar) is null or status = :status)
                        order by id desc offset :offset limit :limit""")
                .param("subscription", subscription).param("status", status == null ? null : status.name())
                .param("offset", offset).param("limit", limit).query(this::map).list();
    }

    long count(Long subscription, Delivery.Status status) {
        return jdbc.sql("""
                        select count(*) from publication_deliveries
                        where (cast(:subscription as bigint) is null or subscription_id = :subscription)
                          and (cast(:status as varchar) is null or status = :status)""")
                .param("subscription", subscription).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    boolean exists(long id) {
        return jdbc.sql("select exists (select 1 from publication_deliveries where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    List<Delivery.Attempt> attempts(long delivery) {
        return jdbc.sql("select * from publication_delivery_attempts where delivery_id = :id order by id")
                .param("id", delivery)
                .query((rs, row) -> {
                    int status = rs.getInt("http_status");
                    return new Delivery.Attempt(rs.getLong("delivery_id"), rs.getTimestamp("at").toInstant(),
                            rs.wasNull() ? null : status, rs.getString("error"), rs.getInt("millis"));
                }).list();
    }

    /** Marks the outage alerted; false when it already was (one alert per outage). */
    boolean markAlerted(long subscription, Instant at) {
        return jdbc.sql("""
                        insert into publication_push_outages(subscription_id, alerted_at) values (:id, :at)
                        on conflict (subscription_id) do nothing""")
                .param("id", subscription).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Clears the outage mark; true when there was one (the channel came back). */
    boolean clearAlerted(long subscription) {
        return jdbc.sql("delete from publication_push_outages where subscription_id = :id")
                .param("id", subscription).update() == 1;
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Delivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("version"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
    }
}
