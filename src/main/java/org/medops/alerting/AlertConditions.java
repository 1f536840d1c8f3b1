package org.medops.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each rule and subject's {@link ConditionState}, so the for-duration and the recovery survive a restart. */
@Repository
class AlertConditions {

    private final JdbcClient jdbc;

    AlertConditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, ConditionState> of(long ruleId) {
        Map<String, ConditionState> states = new HashMap<>();
        jdbc.sql("select subject, breaching_since, clear_since from alert_conditions where rule_id = :rule")
                .param("rule", ruleId).query((rs, row) -> states.put(rs.getString("subject"),
                        new ConditionState(instant(rs.getTimestamp("breaching_since")),
                                instant(rs.getTimestamp("clear_since"))))).list();
        return states;
    }

    void save(long ruleId, String subject, ConditionState state) {
        if (state.isNone()) {
            jdbc.sql("delete from alert_conditions where rule_id = :rule and subject = :subject")
                    .param("rule", ruleId).param("subject", subject).update();
            return;
        }
        jdbc.sql("""
                insert into alert_conditions(rule_id, subject, breaching_since, clear_since)
                values (:rule, :subject, :breaching, :clear)
                on conflict (rule_id, subject) do update set breaching_since = excluded.breaching_since,
                    clear_since = excluded.clear_since""")
                .param("rule", ruleId).param("subject", subject)
                .param("breaching", timestamp(state.breachingSince())).param("clear", timestamp(state.clearSince()))
                .update();
    }

    /** A rule whose condition changed starts counting afresh. */
    void forget(long ruleId) {
        jdbc.sql("delete from alert_conditions where rule_id = :rule").param("rule", ruleId).update();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
