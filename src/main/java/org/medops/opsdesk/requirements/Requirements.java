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

    List<Requirement> list(RequirementStatus status, int limit) {
        if (status == null) {
            return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(Requirement.class).list();
        }
        return jdbc.sql(SELECT + " where status = ? order by id desc limit ?").params(status.name(), limit)
                .query(Requirement.class).list();
    }

    Optional<Requirement> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Requirement.class).optional();
    }

    /** Reads the requirement locked for this transaction, so two answers to it cannot cross. */
    Optional<Requirement> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Requirement.class).optional();
    }

    long insert(Requirement r) {
        return jdbc.sql("""
                        insert into opsdesk_requirements(title, description, system_code, submitter, contact, status,
                            submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.title(), r.description(), r.systemCode(), r.submitter(), r.contact(), r.status().name(),
                        r.submittedBy(), ts(r.submittedAt()))
                .query(Long.class).single();
    }

    void update(Requirement r) {
        jdbc.sql("""
                        update opsdesk_requirements set status = ?, answer = ?, answered_by = ?, answered_at = ?,
                            due_date = ?, person_days = ?, contract_year = ?, planned_date = ?, delivered_note = ?,
                            delivered_by = ?, delivered_at = ?, verified_by = ?, verified_at = ?, verification_note = ?
                        where id = ?""")
                .params(r.status().name(), r.answer(), r.answeredBy(), ts(r.answeredAt()), date(r.dueDate()),
                        r.personDays(), r.contractYear(), date(r.plannedDate()), r.deliveredNote(), r.deliveredBy(),
                        ts(r.deliveredAt()), r.verifiedBy(), ts(r.verifiedAt()), r.verificationNote(), r.id())
                .update();
    }

    /**
     * Person-days of the contract year's accepted requirements. Takes a transaction-scoped advisory lock on
     * the year first, so two acceptances at once cannot both fit into the last free days.
     */
    BigDecimal usedInYear(int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('opsdesk-allowance'), ?)").param(year).query(Object.class)
                .single();
        return jdbc.sql("""
                        select coalesce(sum(person_days), 0) from opsdesk_requirements
                        where contract_year = ? and status in ('ACCEPTED', 'SCHEDULED', 'DELIVERED', 'VERIFIED')""")
                .param(year).query(BigDecimal.class).single();
    }

    void step(long requirementId, Instant at, String by, RequirementStatus from, RequirementStatus to, String note) {
        jdbc.sql("""
                        insert into opsdesk_requirement_steps(requirement_id, at, by_user, from_status, to_status, note)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(requirementId, ts(at), by, from == null ? null : from.name(), to.name(), note).update();
    }

    List<RequirementStep> steps(long requirementId) {
        return jdbc.sql("""
                        select at, by_user, from_status, to_status, note from opsdesk_requirement_steps
                        where requirement_id = ? order by at, id""")
                .param(requirementId).query(RequirementStep.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
