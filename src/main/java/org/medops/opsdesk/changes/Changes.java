package org.medops.opsdesk.changes;

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
                emergency_reason
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

    List<Change> list(ChangeStatus status, int limit) {
        if (status == null) {
            return jdbc.sql(SELECT + " order by planned_start desc, id desc limit ?").param(limit)
                    .query(Change.class).list();
        }
        return jdbc.sql(SELECT + " where status = ? order by planned_start desc, id desc limit ?")
                .params(status.name(), limit).query(Change.class).list();
    }

    Optional<Change> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Change.class).optional();
    }

    Optional<Change> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Change.class).optional();
    }

    /**
     * The first change on the system and environment whose planned period overlaps {@code [from, to)} and
     * still holds its slot. Serialised per system by an advisory lock held to the end of the transaction, so
     * two requests for the same night cannot both pass the check.
     */
    Optional<Change> firstOverlapping(String systemCode, ChangeEnvironment environment, Instant from, Instant to) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('opsdesk-change'), hashtext(?))").param(systemCode)
                .query(Object.class).single();
        return jdbc.sql(SELECT + """

                        where system_code = ? and environment = ? and status not in ('CANCELLED', 'REFUSED')
                          and planned_start < ? and planned_end > ?
                        order by planned_start limit 1""")
                .params(systemCode, environment.name(), Timestamp.from(to), Timestamp.from(from))
                .query(Change.class).optional();
    }

    long insert(Change c) {
        return jdbc.sql("""
                        insert into opsdesk_changes(title, system_code, environment, risk, plan, rollback_plan,
                            planned_start, planned_end, status, requested_by, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.title(), c.systemCode(), c.environment().name(), c.risk().name(), c.plan(), c.rollbackPlan(),
                        ts(c.plannedStart()), ts(c.plannedEnd()), c.status().name(), c.requestedBy(),
                        ts(c.requestedAt()))
                .query(Long.class).single();
    }

    void update(Change c) {
        jdbc.sql("""
                        update opsdesk_changes set status = :status, authorized_by = :authorizedBy,
                            authorizer_name = :authorizerName, authorization_statement = :statement,
                            authorized_at = :authorizedAt, started_at = :startedAt, finished_at = :finishedAt,
                            result = :result, execution_notes = :notes, cancelled_by = :cancelledBy,
                            cancelled_at = :cancelledAt, cancel_reason = :cancelReason,
                            emergency_reason = :emergencyReason
                        where id = :id""")
                .param("status", c.status().name()).param("authorizedBy", c.authorizedBy())
                .param("authorizerName", c.authorizerName()).param("statement", c.authorizationStatement())
                .param("authorizedAt", ts(c.authorizedAt())).param("startedAt", ts(c.startedAt()))
                .param("finishedAt", ts(c.finishedAt())).param("result", c.result() == null ? null : c.result().name())
                .param("notes", c.executionNotes()).param("cancelledBy", c.cancelledBy())
                .param("cancelledAt", ts(c.cancelledAt())).param("cancelReason", c.cancelReason())
                .param("emergencyReason", c.emergencyReason()).param("id", c.id())
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
