package org.medops.opsdesk.requirements;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Requirements {

    private static final String SELECT = """
            select id, title, description, system_code, submitter, contact, status, submitted_by, submitted_at, answer,
                answered_by, answered_at, due_date, person_days, contract_year, planned_date, delivered_note,
                delivered_by, delivered_at, verified_by, verified_at, verification_note
            from opsdesk_requirements""";

    private final JdbcClient jdbc;

    Requirements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from opsdesk_requirements)").query(Boolean.class).single();
    }

    /** How many the list filtered by {@code status} shows. */
    long count(RequirementStatus status) {
        return jdbc.sql("select count(*) from opsdesk_requirements where status = :status")
                .param("status", status.name()).query(Long.class).single();
    }

    Optional<Requirement> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Requirements::map).optional();
    }

    /** Reads the requirement locked for this transaction, so two answers to it cannot cross. */
    Optional<Requirement> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(Requirements::map).optional();
    }

    long insert(Requirement r) {
        NewRequirement q = r.request();
        return jdbc.sql("""
                        insert into opsdesk_requirements(title, description, system_code, submitter, contact, status,
                            submitted_by, submitted_at)
                        values (:title, :description, :system, :submitter, :contact, :status, :submittedBy,
                            :submittedAt) returning id""")
                .param("title", q.title()).param("description", q.description()).param("system", q.systemCode())
                .param("submitter", q.submitter()).param("contact", q.contact()).param("status", r.status().name())
                .param("submittedBy", r.submitted().by()).param("submittedAt", ts(r.submitted().at()))
                .query(Long.class).single();
    }

    void update(Requirement r) {
        Requirement.Answer a = r.answer();
        Requirement.Commitment c = r.commitment();
        Requirement.Delivery d = r.delivery();
        Requirement.Verification v = r.verification();
        jdbc.sql("""
                        update opsdesk_requirements set status = :status, answer = :answer, answered_by = :answeredBy,
                            answered_at = :answeredAt, due_date = :dueDate, person_days = :personDays,
                            contract_year = :contractYear, planned_date = :plannedDate, delivered_note = :deliveredNote,
                            delivered_by = :deliveredBy, delivered_at = :deliveredAt, verified_by = :verifiedBy,
                            verified_at = :verifiedAt, verification_note = :verificationNote
                        where id = :id""")
                .param("status", r.status().name())
                .param("answer", a == null ? null : a.text())
                .param("answeredBy", a == null ? null : a.by())
                .param("answeredAt", ts(a == null ? null : a.at()))
                .param("dueDate", date(c.dueDate()))
                .param("personDays", c.personDays())
                .param("contractYear", c.contractYear())
                .param("plannedDate", date(c.plannedDate()))
                .param("deliveredNote", d == null ? null : d.note())
                .param("deliveredBy", d == null ? null : d.by())
                .param("deliveredAt", ts(d == null ? null : d.at()))
                .param("verifiedBy", v == null ? null : v.by())
                .param("verifiedAt", ts(v == null ? null : v.at()))
                .param("verificationNote", v == null ? null : v.note())
                .param("id", r.id())
                .update();
    }

    private static Requirement map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        NewRequirement request = new NewRequirement(rs.getString("title"), rs.getString("description"),
                rs.getString("system_code"), rs.getString("submitter"), rs.getString("contact"));
        Instant answeredAt = instant(rs, "answered_at");
        Requirement.Answer answer = answeredAt == null && rs.getString("answer") == null ? null
                : new Requirement.Answer(rs.getString("answer"), rs.getString("answered_by"), answeredAt);
        Integer year = rs.getObject("contract_year", Integer.class);
        Requirement.Commitment commitment = new Requirement.Commitment(localDate(rs, "due_date"),
                rs.getBigDecimal("person_days"), year, localDate(rs, "planned_date"));
        Instant deliveredAt = instant(rs, "delivered_at");
        Requirement.Delivery delivery = deliveredAt == null && rs.getString("delivered_note") == null ? null
                : new Requirement.Delivery(rs.getString("delivered_note"), rs.getString("delivered_by"), deliveredAt);
        Instant verifiedAt = instant(rs, "verified_at");
        Requirement.Verification verification = verifiedAt == null && rs.getString("verification_note") == null
                ? null : new Requirement.Verification(rs.getString("verified_by"), verifiedAt,
                rs.getString("verification_note"));
        return new Requirement(rs.getLong("id"), request, RequirementStatus.valueOf(rs.getString("status")),
                new Requirement.Signed(rs.getString("submitted_by"), instant(rs, "submitted_at")), answer, commitment,
                delivery, verification);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    /**
     * Person-days of the contract year's accepted requirements. Takes a transaction-scoped advisory lock on
     * the year first, so two acceptances at once cannot both fit into the last free days.
     */
    BigDecimal usedInYear(int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('opsdesk-allowance'), :year)").param("year", year)
                .query(Object.class).single();
        return jdbc.sql("""
                        select coalesce(sum(person_days), 0) from opsdesk_requirements
                        where contract_year = :year and status in ('ACCEPTED', 'SCHEDULED', 'DELIVERED', 'VERIFIED')""")
                .param("year", year).query(BigDecimal.class).single();
    }

    void step(long requirementId, Instant at, String by, RequirementStatus from, RequirementStatus to, String note) {
        jdbc.sql("""
                        insert into opsdesk_requirement_steps(requirement_id, at, by_user, from_status, to_status, note)
                        values (:requirement, :at, :by, :from, :to, :note)""")
                .param("requirement", requirementId).param("at", ts(at)).param("by", by)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note).update();
    }

    List<RequirementStep> steps(long requirementId) {
        return jdbc.sql("""
                        select at, by_user, from_status, to_status, note from opsdesk_requirement_steps
                        where requirement_id = :requirement order by at, id""")
                .param("requirement", requirementId).query(RequirementStep.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
