package org.medops.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Alerts {

    private static final String SELECT = """
            select a.id, a.rule_id, r.name as rule_name, r.kind, a.subject, a.severity, a.status, a.message, a.value,
                a.raised_at, a.acknowledged_at, a.acknowledged_by, a.resolved_at, a.resolved_by
            from alerts a join alert_rules r on r.id = a.rule_id""";

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Alert> recent(String status, int limit) {
        if (status == null || status.isBlank()) {
            return jdbc.sql(SELECT + " order by a.id desc limit ?").param(limit).query(Alert.class).list();
        }
        return jdbc.sql(SELECT + " where a.status = ? order by a.id desc limit ?").params(status, limit)
                .query(Alert.class).list();
    }

    Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Alert.class).optional();
    }

    List<String> openSubjects(long ruleId) {
        return jdbc.sql("select subject from alerts where rule_id = ? and status <> 'RESOLVED'").param(ruleId)
                .query(String.class).list();
    }

    /** Opens an alert unless one is open for the rule and subject; the id when this call opened it. */
    Optional<Long> open(AlertRule rule, String subject, String message, Double value, Instant at) {
        return jdbc.sql("""
                        insert into alerts(rule_id, subject, severity, status, message, value, raised_at)
                        values (?, ?, ?, 'OPEN', ?, ?, ?) on conflict do nothing returning id""")
                .params(rule.id(), subject, rule.severity(), message, value, Timestamp.from(at))
                .query(Long.class).optional();
    }

    /** Resolves the open alert of a rule and subject; the id when this call resolved it. */
    Optional<Long> resolve(long ruleId, String subject, String by, Instant at) {
        return jdbc.sql("""
                        update alerts set status = 'RESOLVED', resolved_at = ?, resolved_by = ?
                        where rule_id = ? and subject = ? and status <> 'RESOLVED' returning id""")
                .params(Timestamp.from(at), by, ruleId, subject).query(Long.class).optional();
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("""
                update alerts set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?
                where id = ? and status = 'OPEN'""").params(Timestamp.from(at), by, id).update() > 0;
    }

    boolean resolveById(long id, String by, Instant at) {
        return jdbc.sql("""
                update alerts set status = 'RESOLVED', resolved_at = ?, resolved_by = ?
                where id = ? and status <> 'RESOLVED'""").params(Timestamp.from(at), by, id).update() > 0;
    }
}
