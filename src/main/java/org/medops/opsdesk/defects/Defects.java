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

    List<Defect> list(DefectStatus status, int limit) {
        if (status == null) {
            return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(Defect.class).list();
        }
        return jdbc.sql(SELECT + " where status = ? order by id desc limit ?").params(status.name(), limit)
                .query(Defect.class).list();
    }

    Optional<Defect> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Defect.class).optional();
    }

    Optional<Defect> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Defect.class).optional();
    }

    /** Defects reported before {@code end}; the report decides from their notes which ones a quarter dealt with. */
    List<Defect> reportedBefore(Instant end) {
        return jdbc.sql(SELECT + " where reported_at < ? order by id").param(Timestamp.from(end)).query(Defect.class)
                .list();
    }

    long insert(Defect d) {
        return jdbc.sql("""
                        insert into opsdesk_defects(title, description, system_code, severity, product, product_version,
                            status, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.title(), d.description(), d.systemCode(), d.severity().name(), d.product(),
                        d.productVersion(), d.status().name(), d.reportedBy(), Timestamp.from(d.reportedAt()))
                .query(Long.class).single();
    }

    void update(Defect d) {
        jdbc.sql("update opsdesk_defects set status = ?, fixed_version = ?, closed_at = ? where id = ?")
                .params(d.status().name(), d.fixedVersion(),
                        d.closedAt() == null ? null : Timestamp.from(d.closedAt()), d.id())
                .update();
    }

    void note(long defectId, Instant at, String by, DefectStatus from, DefectStatus to, String note) {
        jdbc.sql("""
                        insert into opsdesk_defect_notes(defect_id, at, by_user, from_status, to_status, note)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(defectId, Timestamp.from(at), by, from == null ? null : from.name(), to.name(), note).update();
    }

    List<DefectNote> notes(long defectId) {
        return jdbc.sql("""
                        select at, by_user, from_status, to_status, note from opsdesk_defect_notes
                        where defect_id = ? order by at, id""")
                .param(defectId).query(DefectNote.class).list();
    }

    /** The status changes of many defects up to an instant, oldest first: the report replays them. */
    List<StatusChange> statusChangesBefore(Instant end) {
        return jdbc.sql("""
                        select defect_id, at, from_status, to_status from opsdesk_defect_notes
                        where at < ? and from_status is distinct from to_status order by at, id""")
                .param(Timestamp.from(end)).query(StatusChange.class).list();
    }

    boolean link(long defectId, long ticketId) {
        return jdbc.sql("insert into defect_tickets(defect_id, ticket_id) values (?, ?) on conflict do nothing")
                .params(defectId, ticketId).update() > 0;
    }

    boolean unlink(long defectId, long ticketId) {
        return jdbc.sql("delete from defect_tickets where defect_id = ? and ticket_id = ?").params(defectId, ticketId)
                .update() > 0;
    }

    List<Long> tickets(long defectId) {
        return jdbc.sql("select ticket_id from defect_tickets where defect_id = ? order by ticket_id").param(defectId)
                .query(Long.class).list();
    }

    record StatusChange(long defectId, Instant at, DefectStatus fromStatus, DefectStatus toStatus) {
    }
}
