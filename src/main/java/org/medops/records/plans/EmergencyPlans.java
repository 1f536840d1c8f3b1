package org.medops.records.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Emergency plans and their reviews. */
@Repository
class EmergencyPlans implements ListSource<EmergencyPlans.Filter, EmergencyPlans.PlanRow> {

    record PlanRow(long id, String title, Scenario scenario, String systemCode, String systemName, int rtoMinutes,
                   int rpoMinutes, int revision, LocalDate reviewedOn, LocalDate reviewDue, ReviewState reviewState,
                   int drills, LocalDate lastDrill) {
    }

    /** {@code review} selects by the review's state as of {@code today}. */
    record Filter(Scenario scenario, String system, ReviewState review, String text, LocalDate today) {
    }

    record Review(LocalDate reviewedOn, String reviewedBy, String notes, LocalDate nextDue, Instant recordedAt) {
    }

    static final SortColumns SORT = SortColumns.of("reviewDue", true, "p.id",
            "id", "p.id",
            "title", "p.title",
            "scenario", "p.scenario",
            "system", "coalesce(y.name, p.system_code)",
            "reviewDue", "p.review_due",
            "lastDrill", "(select max(d.held_on) from records_drills d where d.plan_id = p.id)");

    private static final String STATE = """
            case when p.review_due < :today then 'OVERDUE'
                 when p.review_due < cast(:today as date) + %d then 'DUE_SOON' else 'CURRENT' end"""
            .formatted(ReviewState.WARN_DAYS + 1);

    private static final String FROM = """
            from records_emergency_plans p left join opsdesk_systems y on y.code = p.system_code
            where (cast(:scenario as varchar) is null or p.scenario = :scenario)
              and (cast(:system as varchar) is null or p.system_code = :system)
              and (cast(:review as varchar) is null or (%s) = :review)
              and (cast(:like as varchar) is null or p.title ilike :like or p.steps ilike :like)
            """.formatted(STATE);

    private static final String SELECT = """
            select id, title, scenario, system_code, contacts, steps, fallback, rto_minutes, rpo_minutes, revision,
                reviewed_on, review_due, created_by, created_at, updated_by, updated_at
            from records_emergency_plans""";

    private final JdbcClient jdbc;

    EmergencyPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(EmergencyPlan p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into records_emergency_plans(title, scenario, system_code, contacts, steps, fallback,
                    rto_minutes, rpo_minutes, revision, reviewed_on, review_due, created_by, created_at, updated_by,
                    updated_at)
                values (:title, :scenario, :system, :contacts, :steps, :fallback, :rto, :rpo, :revision, :reviewedOn,
                    :reviewDue, :createdBy, :createdAt, :updatedBy, :updatedAt)"""), p).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void update(EmergencyPlan p) {
        bind(jdbc.sql("""
                update records_emergency_plans set title = :title, scenario = :scenario, system_code = :system,
                    contacts = :contacts, steps = :steps, fallback = :fallback, rto_minutes = :rto, rpo_minutes = :rpo,
                    revision = :revision, reviewed_on = :reviewedOn, review_due = :reviewDue, updated_by = :updatedBy,
                    updated_at = :updatedAt
                where id = :id"""), p).param("id", p.id()).update();
    }

    Optional<EmergencyPlan> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(EmergencyPlans::map).optional();
    }

    Optional<EmergencyPlan> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(EmergencyPlans::map).optional();
    }

    /** Plans written or revised in {@code [from, to)}, for the archive. */
    List<EmergencyPlan> updatedBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + " where updated_at >= :from and updated_at < :to order by id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(EmergencyPlans::map).list();
    }

    /** A plan as it stood at a time: its last review on or before that day and the due date that review set. */
    record PlanAsOf(long id, String title, Scenario scenario, String systemCode, int rtoMinutes, Instant createdAt,
                    LocalDate reviewedOn, LocalDate nextDue) {
    }

    /** Plans written before {@code at}, each with its last review held on or before {@code day}, for the checklist. */
    List<PlanAsOf> asOf(Instant at, LocalDate day) {
        return jdbc.sql("""
                        select p.id, p.title, p.scenario, p.system_code, p.rto_minutes, p.created_at, r.reviewed_on,
                            r.next_due
                        from records_emergency_plans p
                        left join lateral (select reviewed_on, next_due from records_plan_reviews v
                            where v.plan_id = p.id and v.reviewed_on <= :day
                            order by v.reviewed_on desc, v.id desc limit 1) r on true
                        where p.created_at < :at order by p.scenario, p.id""")
                .param("at", Timestamp.from(at)).param("day", day)
                .query((rs, n) -> new PlanAsOf(rs.getLong("id"), rs.getString("title"),
                        Scenario.valueOf(rs.getString("scenario")), rs.getString("system_code"),
                        rs.getInt("rto_minutes"), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("reviewed_on", LocalDate.class), rs.getObject("next_due", LocalDate.class)))
                .list();
    }

    long writtenBefore(Instant end) {
        return jdbc.sql("select count(*) from records_emergency_plans where created_at < :end")
                .param("end", Timestamp.from(end)).query(Long.class).single();
    }

    /** Plans written before {@code end} whose review was due before {@code day}. */
    long overdueOn(Instant end, LocalDate day) {
        return jdbc.sql("select count(*) from records_emergency_plans where created_at < :end and review_due < :day")
                .param("end", Timestamp.from(end)).param("day", day).query(Long.class).single();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from records_emergency_plans)").query(Boolean.class).single();
    }

    void reviewed(long planId, LocalDate on, String by, String notes, LocalDate nextDue, Instant at) {
        jdbc.sql("""
                        insert into records_plan_reviews(plan_id, reviewed_on, reviewed_by, notes, next_due, recorded_at)
                        values (:plan, :on, :by, :notes, :next, :at)""")
                .param("plan", planId).param("on", on).param("by", by).param("notes", notes).param("next", nextDue)
                .param("at", Timestamp.from(at)).update();
    }

    List<Review> reviews(long planId) {
        return jdbc.sql("""
                        select reviewed_on, reviewed_by, notes, next_due, recorded_at from records_plan_reviews
                        where plan_id = :plan order by reviewed_on desc, id desc""")
                .param("plan", planId).query(Review.class).list();
    }

    @Override
    public List<PlanRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select p.id, p.title, p.scenario, p.system_code, y.name as system_name, p.rto_minutes,
                            p.rpo_minutes, p.revision, p.reviewed_on, p.review_due, %s as review_state,
                            (select count(*) from records_drills d where d.plan_id = p.id) as drills,
                            (select max(d.held_on) from records_drills d where d.plan_id = p.id) as last_drill
                        """.formatted(STATE) + FROM + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(PlanRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("scenario", f.scenario() == null ? null : f.scenario().name())
                .param("system", FilterText.orNull(f.system()))
                .param("review", f.review() == null ? null : f.review().name())
                .param("like", FilterText.containing(f.text())).param("today", f.today());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, EmergencyPlan p) {
        PlanContent c = p.content();
        return sql.param("title", c.title()).param("scenario", c.scenario().name()).param("system", c.systemCode())
                .param("contacts", c.contacts()).param("steps", c.steps()).param("fallback", c.fallback())
                .param("rto", c.rtoMinutes()).param("rpo", c.rpoMinutes()).param("revision", p.revision())
                .param("reviewedOn", p.reviewedOn()).param("reviewDue", p.reviewDue())
                .param("createdBy", p.createdBy()).param("createdAt", Timestamp.from(p.createdAt()))
                .param("updatedBy", p.updatedBy()).param("updatedAt", Timestamp.from(p.updatedAt()));
    }

    private static EmergencyPlan map(ResultSet rs, int row) throws SQLException {
        java.sql.Date reviewed = rs.getDate("reviewed_on");
        return new EmergencyPlan(rs.getLong("id"), new PlanContent(rs.getString("title"),
                Scenario.valueOf(rs.getString("scenario")), rs.getString("system_code"), rs.getString("contacts"),
                rs.getString("steps"), rs.getString("fallback"), rs.getInt("rto_minutes"), rs.getInt("rpo_minutes")),
                rs.getInt("revision"), reviewed == null ? null : reviewed.toLocalDate(),
                rs.getDate("review_due").toLocalDate(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
