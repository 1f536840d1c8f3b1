package org.medops.dataops.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The requests and their timelines; preview and execution as JSON. */
@Repository
class DataOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select id, target_code, statements, rollback_sql, reason, ticket_id, change_id, expected_rows, status,
                rollback_of, requested_by, requested_at, preview::text as preview, reviewed_by, reviewed_at,
                review_reason, executed_by, executed_at, execution::text as execution
            from dataops_requests""";

    /**
     * One entry of a request's timeline; {@code kind} is translated as {@code dataops.timeline.<kind>}. The note is
     * the reviewer's reason, the rows a run affected in all (previewed, executed, failed) or the linked request's id
     * (rollbackDrafted, rollbackRequested).
     */
    record Entry(Instant at, String kind, String actor, String note) {
    }

    private final JdbcClient jdbc;

    DataOperations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DataOperation> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional();
    }

    Optional<DataOperation> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::row).optional();
    }

    /** The open or done rollback request of {@code id} (a refused one does not count). */
    Optional<Long> rollbackOf(long id) {
        return jdbc.sql("select id from dataops_requests where rollback_of = :id and status <> 'REFUSED'")
                .param("id", id).query(Long.class).optional();
    }

    long insert(String target, String statements, String rollbackSql, String reason, DataOperation.Links links,
                long expectedRows, Long rollbackOf, String by, Instant at) {
        return jdbc.sql("""
                        insert into dataops_requests(target_code, statements, rollback_sql, reason, ticket_id, change_id,
                            expected_rows, status, rollback_of, requested_by, requested_at)
                        values (:target, :statements, :rollback, :reason, :ticket, :change, :expected, 'AWAITING_REVIEW',
                            :rollbackOf, :by, :at)
                        returning id""")
                .param("target", target).param("statements", statements).param("rollback", rollbackSql)
                .param("reason", reason).param("ticket", links.ticketId()).param("change", links.changeId())
                .param("expected", expectedRows).param("rollbackOf", rollbackOf).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    /** Writes what changes after drafting: status, preview, review and execution. */
    void save(DataOperation op) {
        DataOperation.Review review = op.review();
        DataOperation.Act executed = op.executed();
        jdbc.sql("""
                        update dataops_requests set status = :status, preview = cast(:preview as jsonb),
                            reviewed_by = :reviewedBy, reviewed_at = :reviewedAt, review_reason = :reviewReason,
                            executed_by = :executedBy, executed_at = :executedAt, execution = cast(:execution as jsonb)
                        where id = :id""")
                .param("id", op.id()).param("status", op.status().name())
                .param("preview", op.preview() == null ? null : JSON.writeValueAsString(op.preview()))
                .param("reviewedBy", review == null ? null : review.by())
                .param("reviewedAt", review == null ? null : Timestamp.from(review.at()))
                .param("reviewReason", review == null ? null : review.reason())
                .param("executedBy", executed == null ? null : executed.by())
                .param("executedAt", executed == null ? null : Timestamp.from(executed.at()))
                .param("execution", op.execution() == null ? null : JSON.writeValueAsString(op.execution()))
                .update();
    }

    /** The requests taken for execution before {@code before} whose outcome is not recorded. */
    List<Long> executingBefore(Instant before) {
        return jdbc.sql("select id from dataops_requests where status = 'EXECUTING' and executed_at < :before order by id")
                .param("before", Timestamp.from(before)).query(Long.class).list();
    }

    void note(long id, Instant at, String kind, String actor, String note) {
        jdbc.sql("""
                        insert into dataops_timeline(request_id, at, kind, actor, note)
                        values (:id, :at, :kind, :actor, :note)""")
                .param("id", id).param("at", Timestamp.from(at)).param("kind", kind).param("actor", actor)
                .param("note", note).update();
    }

    List<Entry> timeline(long id) {
        return jdbc.sql("select at, kind, actor, note from dataops_timeline where request_id = :id order by at, id")
                .param("id", id).query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("actor"), rs.getString("note"))).list();
    }

    private DataOperation row(ResultSet rs, int n) throws SQLException {
        String reviewedBy = rs.getString("reviewed_by");
        String executedBy = rs.getString("executed_by");
        Long ticket = rs.getObject("ticket_id", Long.class);
        Long change = rs.getObject("change_id", Long.class);
        Boolean approved = reviewedBy == null ? null : !"REFUSED".equals(rs.getString("status"));
        return new DataOperation(rs.getLong("id"), rs.getString("target_code"), rs.getString("statements"),
                rs.getString("rollback_sql"), rs.getString("reason"), new DataOperation.Links(ticket, change),
                rs.getLong("expected_rows"), Status.valueOf(rs.getString("status")),
                rs.getObject("rollback_of", Long.class),
                new DataOperation.Act(rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant()),
                run(rs.getString("preview")),
                reviewedBy == null ? null : new DataOperation.Review(reviewedBy,
                        rs.getTimestamp("reviewed_at").toInstant(), approved, rs.getString("review_reason")),
                executedBy == null ? null : new DataOperation.Act(executedBy, rs.getTimestamp("executed_at").toInstant()),
                run(rs.getString("execution")));
    }

    private static Run run(String json) {
        return json == null ? null : JSON.readValue(json, Run.class);
    }
}
