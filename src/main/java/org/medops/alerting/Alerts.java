package org.medops.alerting;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alert messages: opened and resolved by the evaluator, acknowledged by people, listed with the list contract. */
@Repository
class Alerts {

    private static final String SELECT = """
            select a.id, a.rule_id, r.name as rule_name, r.kind, a.subject, a.severity, a.status, a.message,
                a.message_args, a.value, a.raised_at, a.acknowledged_at, a.acknowledged_by, a.resolved_at, a.resolved_by
            from alerts a join alert_rules r on r.id = a.rule_id""";

    /** The columns the list sorts by (the header names), each with its expression. */
    static final SortColumns SORT = SortColumns.of("raisedAt", false, "a.id",
            "raisedAt", "a.raised_at",
            "severity", "case a.severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end",
            "rule", "r.name",
            "subject", "a.subject",
            "status", "case a.status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 else 2 end");

    private static final String WHERE = """

            where (cast(:rule as bigint) is null or a.rule_id = :rule)
              and (cast(:severity as varchar) is null or a.severity = :severity)
              and (cast(:status as varchar) is null or a.status = :status)
              and (cast(:from as timestamptz) is null or a.raised_at >= :from)
              and (cast(:to as timestamptz) is null or a.raised_at < :to)
            """;

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every criterion optional and combinable; {@code [from, to)} on the time raised. */
    record AlertFilter(Long ruleId, AlertSeverity severity, AlertStatus status, Instant from, Instant to) {
    }

    /** The rows from {@code offset} in the sort's order, at most {@code limit} (an export reads past one page). */
    List<Alert> rows(AlertFilter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql(SELECT + WHERE + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Alerts::map).list();
    }

    long count(AlertFilter filter) {
        return bind(jdbc.sql("select count(*) from alerts a" + WHERE), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, AlertFilter f) {
        return sql.param("rule", f.ruleId())
                .param("severity", f.severity() == null ? null : f.severity().name())
                .param("status", f.status() == null ? null : f.status().name())
                .param("from", f.from() == null ? null : Timestamp.from(f.from()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to()));
    }

    /** Alerts not resolved, by severity and status (for the meters). */
    List<Unresolved> unresolved() {
        return jdbc.sql("select severity, status, count(*) as alerts from alerts where status <> 'RESOLVED'"
                        + " group by severity, status")
                .query((rs, n) -> new Unresolved(AlertSeverity.valueOf(rs.getString("severity")),
                        AlertStatus.valueOf(rs.getString("status")), rs.getLong("alerts")))
                .list();
    }

    record Unresolved(AlertSeverity severity, AlertStatus status, long alerts) {
    }

    Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(Alerts::map).optional();
    }

    List<String> openSubjects(long ruleId) {
        return jdbc.sql("select subject from alerts where rule_id = :rule and status <> 'RESOLVED'")
                .param("rule", ruleId).query(String.class).list();
    }

    /** Opens an alert unless one is open for the rule and subject; the id when this call opened it. */
    Optional<Long> open(AlertRule rule, Conditions.Violation violation, Instant at) {
        return jdbc.sql("""
                        insert into alerts(rule_id, subject, severity, status, message, message_args, value, raised_at)
                        values (:rule, :subject, :severity, 'OPEN', :message, cast(:args as text[]), :value, :at)
                        on conflict do nothing returning id""")
                .param("rule", rule.id()).param("subject", violation.subject())
                .param("severity", rule.severity().name()).param("message", violation.message())
                .param("args", violation.args().toArray(String[]::new)).param("value", violation.value())
                .param("at", Timestamp.from(at)).query(Long.class).optional();
    }

    /** Resolves the open alert of a rule and subject; the id when this call resolved it. */
    Optional<Long> resolve(long ruleId, String subject, String by, Instant at) {
        return jdbc.sql("""
                        update alerts set status = 'RESOLVED', resolved_at = :at, resolved_by = :by
                        where rule_id = :rule and subject = :subject and status <> 'RESOLVED' returning id""")
                .param("at", Timestamp.from(at)).param("by", by).param("rule", ruleId).param("subject", subject)
                .query(Long.class).optional();
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("""
                update alerts set status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by
                where id = :id and status = 'OPEN'""").param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).update() > 0;
    }

    boolean resolveById(long id, String by, Instant at) {
        return jdbc.sql("""
                update alerts set status = 'RESOLVED', resolved_at = :at, resolved_by = :by
                where id = :id and status <> 'RESOLVED'""").param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).update() > 0;
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        double value = rs.getDouble("value");
        Double measured = rs.wasNull() ? null : value;
        Array args = rs.getArray("message_args");
        return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"),
                RuleKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                AlertSeverity.valueOf(rs.getString("severity")), rs.getString("status"), rs.getString("message"),
                args == null ? List.of() : Arrays.stream((Object[]) args.getArray()).map(String::valueOf).toList(),
                measured, instant(rs, "raised_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                instant(rs, "resolved_at"), rs.getString("resolved_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
