package org.medops.opsdesk.defects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Defects {

    private static final String SELECT = """
            select id, title, description, system_code, severity, product, product_version, status, fixed_version,
                reported_by, reported_at, closed_at
            from opsdesk_defects""";

    private final JdbcClient jdbc;

    Defects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from opsdesk_defects)").query(Boolean.class).single();
    }

    Optional<Defect> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Defect.class).optional();
    }

    Optional<Defect> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(Defect.class).optional();
    }

    /** Defects reported before {@code end}; the report decides from their notes which ones a quarter dealt with. */
    List<Defect> reportedBefore(Instant end) {
        return jdbc.sql(SELECT + " where reported_at < :end order by id").param("end", Timestamp.from(end))
                .query(Defect.class).list();
    }

    long insert(Defect d) {
        return jdbc.sql("""
                        insert into opsdesk_defects(title, description, system_code, severity, product, product_version,
                            status, reported_by, reported_at)
                        values (:title, :description, :system, :severity, :product, :version, :status, :reportedBy,
                            :reportedAt) returning id""")
                .param("title", d.title()).param("description", d.description()).param("system", d.systemCode())
                .param("severity", d.severity().name()).param("product", d.product())
                .param("version", d.productVersion()).param("status", d.status().name())
                .param("reportedBy", d.reportedBy()).param("reportedAt", Timestamp.from(d.reportedAt()))
                .query(Long.class).single();
    }

    void update(Defect d) {
        jdbc.sql("update opsdesk_defects set status = :status, fixed_version = :fixed, closed_at = :closed where id = :id")
                .param("status", d.status().name()).param("fixed", d.fixedVersion())
                .param("closed", d.closedAt() == null ? null : Timestamp.from(d.closedAt())).param("id", d.id())
                .update();
    }

    void note(long defectId, Instant at, String by, DefectStatus from, DefectStatus to, String note) {
        jdbc.sql("""
                        insert into opsdesk_defect_notes(defect_id, at, by_user, from_status, to_status, note)
                        values (:defect, :at, :by, :from, :to, :note)""")
                .param("defect", defectId).param("at", Timestamp.from(at)).param("by", by)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note).update();
    }

    List<DefectNote> notes(long defectId) {
        return jdbc.sql("""
                        select at, by_user, from_status, to_status, note from opsdesk_defect_notes
                        where defect_id = :defect order by at, id""")
                .param("defect", defectId).query(DefectNote.class).list();
    }

    /** The status changes of many defects up to an instant, oldest first: the report replays them. */
    List<StatusChange> statusChangesBefore(Instant end) {
        return jdbc.sql("""
                        select defect_id, at, from_status, to_status from opsdesk_defect_notes
                        where at < :end and from_status is distinct from to_status order by at, id""")
                .param("end", Timestamp.from(end)).query(StatusChange.class).list();
    }

    boolean link(long defectId, long ticketId) {
        return jdbc.sql("insert into defect_tickets(defect_id, ticket_id) values (:defect, :ticket) on conflict do nothing")
                .param("defect", defectId).param("ticket", ticketId).update() > 0;
    }

    boolean unlink(long defectId, long ticketId) {
        return jdbc.sql("delete from defect_tickets where defect_id = :defect and ticket_id = :ticket")
                .param("defect", defectId).param("ticket", ticketId).update() > 0;
    }

    List<Long> tickets(long defectId) {
        return jdbc.sql("select ticket_id from defect_tickets where defect_id = :defect order by ticket_id")
                .param("defect", defectId).query(Long.class).list();
    }

    record StatusChange(long defectId, Instant at, DefectStatus fromStatus, DefectStatus toStatus) {
    }
}
