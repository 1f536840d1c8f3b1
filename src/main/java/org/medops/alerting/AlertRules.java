package org.medops.alerting;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Alert rules; a deleted rule stays (soft-deleted) so the alerts it raised keep their name and history. */
@Repository
class AlertRules {

    private final JdbcClient jdbc;

    AlertRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRule> all() {
        return jdbc.sql("select * from alert_rules where deleted_at is null order by id").query(AlertRules::map).list();
    }

    List<AlertRule> enabled() {
        return jdbc.sql("select * from alert_rules where enabled and deleted_at is null order by id")
                .query(AlertRules::map).list();
    }

    Optional<AlertRule> find(long id) {
        return jdbc.sql("select * from alert_rules where id = :id and deleted_at is null").param("id", id)
                .query(AlertRules::map).optional();
    }

    long insert(AlertRule rule) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alert_rules(name, kind, subject, threshold, window_minutes, min_calls, severity, enabled,
                    silenced_until, target_ids, for_seconds, recovery_seconds, recovery_threshold, max_age_minutes,
                    active_from, active_to, active_days)
                values (:name, :kind, :subject, :threshold, :window, :minCalls, :severity, :enabled, :silencedUntil,
                    cast(:targets as bigint[]), :forSeconds, :recoverySeconds, :recoveryThreshold, :maxAge,
                    cast(:activeFrom as time), cast(:activeTo as time), :activeDays)""")
                .paramSource(columns(rule).addValue("enabled", rule.enabled()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Everything a person edits; {@code enabled} and the silence window have their own steps. */
    void update(AlertRule rule) {
        jdbc.sql("""
                update alert_rules set name = :name, kind = :kind, subject = :subject, threshold = :threshold,
                    window_minutes = :window, min_calls = :minCalls, severity = :severity,
                    silenced_until = :silencedUntil, target_ids = cast(:targets as bigint[]),
                    for_seconds = :forSeconds, recovery_seconds = :recoverySeconds,
                    recovery_threshold = :recoveryThreshold, max_age_minutes = :maxAge,
                    active_from = cast(:activeFrom as time), active_to = cast(:activeTo as time),
                    active_days = :activeDays
                where id = :id and deleted_at is null""")
                .paramSource(columns(rule).addValue("id", rule.id())).update();
    }

    void enable(long id, boolean enabled) {
        jdbc.sql("update alert_rules set enabled = :enabled where id = :id").param("enabled", enabled)
                .param("id", id).update();
    }

    void delete(long id, Instant at) {
        jdbc.sql("update alert_rules set deleted_at = :at, enabled = false where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void silence(long id, Instant until) {
        jdbc.sql("update alert_rules set silenced_until = :until where id = :id")
                .param("until", until == null ? null : Timestamp.from(until)).param("id", id).update();
    }

    /** The named parameters of everything a person edits, for the insert and the update alike. */
    private static MapSqlParameterSource columns(AlertRule rule) {
        ActiveHours hours = rule.activeHours();
        return new MapSqlParameterSource()
                .addValue("name", rule.name())
                .addValue("kind", rule.kind().name())
                .addValue("subject", FilterText.orNull(rule.subject()))
                .addValue("threshold", rule.kind().hasThreshold() ? rule.threshold() : 0.0)
                .addValue("window", rule.windowMinutes())
                .addValue("minCalls", rule.minCalls())
                .addValue("severity", rule.severity().name())
                .addValue("silencedUntil", rule.silencedUntil() == null ? null : Timestamp.from(rule.silencedUntil()))
                .addValue("targets", "{" + String.join(",", rule.targetIds().stream().map(String::valueOf).toList()) + "}")
                .addValue("forSeconds", (int) rule.hysteresis().forDuration().toSeconds())
                .addValue("recoverySeconds", (int) rule.hysteresis().recoverAfter().toSeconds())
                .addValue("recoveryThreshold", rule.kind().hasThreshold() ? rule.hysteresis().recoveryThreshold() : null)
                .addValue("maxAge", rule.maxAgeMinutes())
                .addValue("activeFrom", hours == null ? null : hours.from().toString())
                .addValue("activeTo", hours == null ? null : hours.to().toString())
                .addValue("activeDays", hours == null ? null : hours.daysText());
    }

    private static AlertRule map(ResultSet rs, int row) throws SQLException {
        Timestamp silenced = rs.getTimestamp("silenced_until");
        double recovery = rs.getDouble("recovery_threshold");
        Double recoveryThreshold = rs.wasNull() ? null : recovery;
        return new AlertRule(rs.getLong("id"), rs.getString("name"), RuleKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getDouble("threshold"), rs.getInt("window_minutes"), rs.getInt("min_calls"),
                AlertSeverity.valueOf(rs.getString("severity")),
                Hysteresis.ofSeconds(rs.getInt("for_seconds"), rs.getInt("recovery_seconds"), recoveryThreshold),
                rs.getBoolean("enabled"), silenced == null ? null : silenced.toInstant(),
                ids(rs.getArray("target_ids")), (Integer) rs.getObject("max_age_minutes"), activeHours(rs));
    }

    private static ActiveHours activeHours(ResultSet rs) throws SQLException {
        java.sql.Time from = rs.getTime("active_from");
        java.sql.Time to = rs.getTime("active_to");
        return from == null || to == null ? null
                : new ActiveHours(from.toLocalTime(), to.toLocalTime(), ActiveHours.days(rs.getString("active_days")));
    }

    private static List<Long> ids(Array array) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            ids.add(((Number) value).longValue());
        }
        return ids;
    }
}
