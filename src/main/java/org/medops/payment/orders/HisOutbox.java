package org.medops.payment.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Results the HIS has to hear of: written with the state change they report, deleted never, acknowledged once. */
@Repository
class HisOutbox {

    private final JdbcClient jdbc;

    HisOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Pending(long id, String resultKey, String merchant, String outTradeNo, String kind, String payload,
                   int attempts) {
    }

    /** Once per result: a second write of the same key is ignored. */
    void add(String resultKey, String merchant, String outTradeNo, String kind, String payload, Instant at) {
        jdbc.sql("""
                        insert into payment_his_outbox(result_key, merchant, out_trade_no, kind, payload, next_attempt_at,
                            created_at)
                        values (:key, :merchant, :no, :kind, :payload, :at, :at)
                        on conflict (result_key) do nothing""")
                .param("key", resultKey).param("merchant", merchant).param("no", outTradeNo).param("kind", kind)
                .param("payload", payload).param("at", Timestamp.from(at)).update();
    }

    /**
     * Takes up to {@code limit} due results and leases them until {@code leaseUntil}, so another node (or this one
     * after a crash) sends them only once the lease has run out.
     */
    List<Pending> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update payment_his_outbox set next_attempt_at = :lease
                        where id in (select id from payment_his_outbox
                                     where acknowledged_at is null and next_attempt_at <= :now
                                     order by next_attempt_at limit :limit for update skip locked)
                        returning id, result_key, merchant, out_trade_no, kind, payload, attempts""")
                .param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("result_key"), rs.getString("merchant"),
                        rs.getString("out_trade_no"), rs.getString("kind"), rs.getString("payload"),
                        rs.getInt("attempts"))).list();
    }

    void acknowledged(long id, Instant at) {
        jdbc.sql("""
                        update payment_his_outbox set acknowledged_at = :at, attempts = attempts + 1, last_error = null
                        where id = :id""")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void failed(long id, String error, Instant nextAttempt) {
        jdbc.sql("""
                        update payment_his_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        where id = :id""")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", Timestamp.from(nextAttempt)).param("id", id).update();
    }

    record State(String kind, int attempts, Instant acknowledgedAt, String lastError) {
    }

    List<State> of(String outTradeNo) {
        return jdbc.sql("""
                        select kind, attempts, acknowledged_at, last_error from payment_his_outbox
                        where out_trade_no = :no order by id""")
                .param("no", outTradeNo)
                .query((rs, row) -> new State(rs.getString("kind"), rs.getInt("attempts"),
                        rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at")
                                .toInstant(), rs.getString("last_error"))).list();
    }
}
