package org.medops.alerting;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AlertRules {

    private final JdbcClient jdbc;

    AlertRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRule> all() {
        return jdbc.sql("select * from alert_rules order by id").query(AlertRules::map).list();
    }

    List<AlertRule> enabled() {
        return jdbc.sql("select * from alert_rules where enabled order by id").query(AlertRules::map).list();
    }

    Optional<AlertRule> find(long id) {
        return jdbc.sql("select * from alert_rules where id = ?").param(id).query(AlertRules::map).optional();
    }

    long insert(AlertRule rule) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alert_rules(name, kind, subject, threshold, window_minutes, min_calls, severity, enabled,
                    silenced_until, target_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as bigint[]))""")
                .params(rule.name(), rule.kind().name(), blankToNull(rule.subject()), rule.threshold(),
                        rule.windowMinutes(), rule.minCalls(), rule.severity(), rule.enabled(),
                        rule.silencedUntil() == null ? null : Timestamp.from(rule.silencedUntil()),
                        "{" + String.join(",", rule.targetIds().stream().map(String::valueOf).toList()) + "}")
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void silence(long id, java.time.Instant until) {
        jdbc.sql("update alert_rules set silenced_until = ? where id = ?")
                .params(until == null ? null : Timestamp.from(until), id).update();
    }

    private static AlertRule map(ResultSet rs, int row) throws SQLException {
        Timestamp silenced = rs.getTimestamp("silenced_until");
        return new AlertRule(rs.getLong("id"), rs.getString("name"), RuleKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getDouble("threshold"), rs.getInt("window_minutes"), rs.getInt("min_calls"),
                rs.getString("severity"), rs.getBoolean("enabled"), silenced == null ? null : silenced.toInstant(),
                ids(rs.getArray("target_ids")));
    }

    private static List<Long> ids(Array array) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            ids.add(((Number) value).longValue());
        }
        return ids;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
