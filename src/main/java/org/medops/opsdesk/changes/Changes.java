package org.medops.opsdesk.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Changes {

    private static final String SELECT = """
            select id, title, system_code, environment, risk, plan, rollback_plan, planned_start, planned_end, status,
                requested_by, requested_at, authorized_by, authorizer_name, authorization_statement, authorized_at,
                started_at, finished_at, result, execution_notes, cancelled_by, cancelled_at, cancel_reason,
                emergency_reason, emergency_requested_by, emergency_requested_at, emergency_decision,
                emergency_decided_by, emergency_decider_name, emergency_decided_at, emergency_decision_reason
            from opsdesk_changes""";

    private final JdbcClient jdbc;

    Changes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from opsdesk_changes)").query(Boolean.class).single();
    }

    /** How many the list filtered by {@code status} shows. */
    long count(ChangeStatus status) {
        return jdbc.sql("select count(*) from opsdesk_changes where status = :status")
                .param("status", status.name()).query(Long.class).single();
    }

    Optional<Change> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Changes::map).optional();
    }

    /** The system's changes, newest planned first. */
    List<Change> forSystem(String systemCode, int limit) {
        return jdbc.sql(SELECT + " where system_code = :system order by planned_start desc, id desc limit :limit")
                .param("system", systemCode).param("limit", limit).query(Changes::map).list();
    }

    Optional<Change> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(Changes::map).optional();
    }

    /**
     * The first change on the system and environment whose planned period overlaps {@code [from, to)} and
     * still holds its slot. Serialised per system by an advisory lock held to the end of the transaction, so
     * two requests for the same night cannot both pass the check.
     */
    Optional<Change> firstOverlapping(String systemCode, ChangeEnvironment environment, Instant from, Instant to) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('opsdesk-change'), hashtext(:system))")
                .param("system", systemCode).query(Object.class).single();
        return jdbc.sql(SELECT + """

                        where system_code = :system and environment = :environment
                          and status not in ('CANCELLED', 'REFUSED')
                          and planned_start < :to and planned_end > :from
                        order by planned_start limit 1""")
                .param("system", systemCode).param("environment", environment.name())
                .param("to", Timestamp.from(to)).param("from", Timestamp.from(from))
                .query(Changes::map).optional();
    }

    long insert(Change c) {
        NewChange p = c.plan();
        return jdbc.sql("""
                        insert into opsdesk_changes(title, system_code, environment, risk, plan, rollback_plan,
                            planned_start, planned_end, status, requested_by, requested_at)
                        values (:title, :system, :environment, :risk, :plan, :rollback, :start, :end, :status,
                            :requestedBy, :requestedAt) returning id""")
                .param("title", p.title()).param("system", p.systemCode()).param("environment", p.environment().name())
                .param("risk", p.risk().name()).param("plan", p.plan()).param("rollback", p.rollbackPlan())
                .param("start", ts(p.plannedStart())).param("end", ts(p.plannedEnd()))
                .param("status", c.status().name()).param("requestedBy", c.requested().by())
                .param("requestedAt", ts(c.requested().at()))
                .query(Long.class).single();
    }

    void update(Change c) {
        Change.Authorization a = c.authorization();
        Change.Execution x = c.execution();
        Change.Cancellation k = c.cancellation();
        Change.Emergency e = c.emergency();
        Change.Signed asked = e == null ? null : e.requested();
        Change.Authorization decided = e == null ? null : e.decided();
        jdbc.sql("""
                        update opsdesk_changes set status = :status, authorized_by = :authorizedBy,
                            authorizer_name = :authorizerName, authorization_statement = :statement,
                            authorized_at = :authorizedAt, started_at = :startedAt, finished_at = :finishedAt,
                            result = :result, execution_notes = :notes, cancelled_by = :cancelledBy,
                            cancelled_at = :cancelledAt, cancel_reason = :cancelReason,
                            emergency_reason = :emergencyReason, emergency_requested_by = :emergencyRequestedBy,
                            emergency_requested_at = :emergencyRequestedAt, emergency_decision = :emergencyDecision,
                            emergency_decided_by = :emergencyDecidedBy, emergency_decider_name = :emergencyDeciderName,
                            emergency_decided_at = :emergencyDecidedAt,
                            emergency_decision_reason = :emergencyDecisionReason
                        where id = :id""")
                .param("status", c.status().name())
                .param("authorizedBy", a == null ? null : a.by())
                .param("authorizerName", a == null ? null : a.signerName())
                .param("statement", a == null ? null : a.statement())
                .param("authorizedAt", ts(a == null ? null : a.at()))
                .param("startedAt", ts(x == null ? null : x.startedAt()))
                .param("finishedAt", ts(x == null ? null : x.finishedAt()))
                .param("result", x == null || x.result() == null ? null : x.result().name())
                .param("notes", x == null ? null : x.notes())
                .param("cancelledBy", k == null ? null : k.by())
                .param("cancelledAt", ts(k == null ? null : k.at()))
                .param("cancelReason", k == null ? null : k.reason())
                .param("emergencyReason", e == null ? null : e.reason())
                .param("emergencyRequestedBy", asked == null ? null : asked.by())
                .param("emergencyRequestedAt", ts(asked == null ? null : asked.at()))
                .param("emergencyDecision", e == null || e.decision() == null ? null : e.decision().name())
                .param("emergencyDecidedBy", decided == null ? null : decided.by())
                .param("emergencyDeciderName", decided == null ? null : decided.signerName())
                .param("emergencyDecidedAt", ts(decided == null ? null : decided.at()))
                .param("emergencyDecisionReason", decided == null ? null : decided.statement())
                .param("id", c.id())
                .update();
    }

    private static Change map(ResultSet rs, int row) throws SQLException {
        NewChange plan = new NewChange(rs.getString("title"), rs.getString("system_code"),
                ChangeEnvironment.valueOf(rs.getString("environment")), ChangeRisk.valueOf(rs.getString("risk")),
                rs.getString("plan"), rs.getString("rollback_plan"), instant(rs, "planned_start"),
                instant(rs, "planned_end"));
        Instant authorizedAt = instant(rs, "authorized_at");
        Change.Authorization authorization = authorizedAt == null ? null : new Change.Authorization(
                rs.getString("authorized_by"), rs.getString("authorizer_name"), rs.getString("authorization_statement"),
                authorizedAt);
        Instant startedAt = instant(rs, "started_at");
        String result = rs.getString("result");
        Change.Execution execution = startedAt == null ? null : new Change.Execution(startedAt,
                instant(rs, "finished_at"), result == null ? null : ChangeResult.valueOf(result),
                rs.getString("execution_notes"));
        Instant cancelledAt = instant(rs, "cancelled_at");
        Change.Cancellation cancellation = cancelledAt == null ? null
                : new Change.Cancellation(rs.getString("cancelled_by"), cancelledAt, rs.getString("cancel_reason"));
        return new Change(rs.getLong("id"), plan, ChangeStatus.valueOf(rs.getString("status")),
                new Change.Signed(rs.getString("requested_by"), instant(rs, "requested_at")), authorization,
                emergency(rs), execution, cancellation);
    }

    private static Change.Emergency emergency(ResultSet rs) throws SQLException {
        String reason = rs.getString("emergency_reason");
        if (reason == null) {
            return null;
        }
        Instant requestedAt = instant(rs, "emergency_requested_at");
        Instant decidedAt = instant(rs, "emergency_decided_at");
        String decision = rs.getString("emergency_decision");
        return new Change.Emergency(reason,
                requestedAt == null ? null : new Change.Signed(rs.getString("emergency_requested_by"), requestedAt),
                decision == null ? null : EmergencyDecision.valueOf(decision),
                decidedAt == null ? null : new Change.Authorization(rs.getString("emergency_decided_by"),
                        rs.getString("emergency_decider_name"), rs.getString("emergency_decision_reason"), decidedAt));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
