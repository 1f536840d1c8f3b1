package org.medops.opsdesk.insight;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 问题台账: one register over tickets, requirements and defects, each with its status, the last
 * handling step and its solution, so the hospital sees every open issue in one place.
 */
@Repository
class Ledger implements ListSource<Ledger.Filter, Ledger.Entry> {

    enum Kind { TICKET, REQUIREMENT, DEFECT }

    /** {@code handlingStep} is the last step's code in the kind's own vocabulary (a timeline kind or a status). */
    record Entry(Kind kind, long id, String reference, String title, String system, String status, boolean open,
                 Instant openedAt, Instant closedAt, String handlingStep, String handlingBy, String handlingNote,
                 String solution) {

        /** The message key prefix of this kind's statuses. */
        public String statusKey() {
            return switch (kind) {
                case TICKET -> "ticket.status.";
                case REQUIREMENT -> "requirements.status.";
                case DEFECT -> "defects.status.";
            };
        }

        public String stepKey() {
            return kind == Kind.TICKET ? "timeline." : statusKey();
        }
    }

    /** Every criterion optional; {@code open} null means open and closed. */
    record Filter(Kind kind, String system, Boolean open, String text, Instant from, Instant to) {
    }

    private static final String UNION = """
            select 'TICKET' as kind, t.id, t.number as reference, t.title, t.system_codes[1] as system, t.status,
                t.status <> 'CLOSED' as open, t.reported_at as opened_at, t.closed_at,
                h.kind as handling_step, h.actor as handling_by, h.detail as handling_note,
                coalesce(t.fix_summary, t.root_cause) as solution,
                t.title || ' ' || t.phenomenon as haystack
            from tickets t left join lateral (select e.kind, e.actor, left(e.detail, 200) as detail from ticket_events e
                 where e.ticket_id = t.id order by e.id desc limit 1) h on true
            union all
            select 'REQUIREMENT', r.id, 'XQ-' || r.id, r.title, r.system_code, r.status,
                r.status not in ('VERIFIED', 'REJECTED'), r.submitted_at,
                coalesce(r.verified_at, case when r.status = 'REJECTED' then r.answered_at end),
                h.to_status, h.by_user, h.note,
                coalesce(r.delivered_note, r.answer),
                r.title || ' ' || r.description
            from opsdesk_requirements r left join lateral (select s.to_status, s.by_user, left(s.note, 200) as note
                 from opsdesk_requirement_steps s where s.requirement_id = r.id order by s.id desc limit 1) h on true
            union all
            select 'DEFECT', d.id, 'QX-' || d.id, d.title, d.system_code, d.status,
                d.status not in ('VERIFIED', 'CLOSED'), d.reported_at, d.closed_at,
                h.to_status, h.by_user, h.note,
                case when d.fixed_version is not null then '修复版本 ' || d.fixed_version end,
                d.title || ' ' || d.description
            from opsdesk_defects d left join lateral (select n.to_status, n.by_user, left(n.note, 200) as note
                 from opsdesk_defect_notes n where n.defect_id = d.id order by n.id desc limit 1) h on true""";

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns the ledger sorts by; ties broken by kind and id so pages never overlap. */
    static final SortColumns SORT = SortColumns.of("openedAt", false, "(kind, id)",
            "reference", "reference",
            "kind", "kind",
            "title", "title",
            "system", "system",
            "status", "open desc, status",
            "openedAt", "opened_at",
            "closedAt", "closed_at");

    private static final String WHERE = """
             where (cast(:kind as varchar) is null or kind = :kind)
               and (cast(:system as varchar) is null or system = :system)
               and (cast(:open as boolean) is null or open = :open)
               and (cast(:like as varchar) is null or reference ilike :like or haystack ilike :like)
               and (cast(:from as timestamptz) is null or opened_at >= :from)
               and (cast(:to as timestamptz) is null or opened_at < :to)""";

    @Override
    public List<Entry> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("select kind, id, reference, title, system, status, open, opened_at, closed_at, handling_step,"
                        + " handling_by, handling_note, solution"
                        + " from (" + UNION + ") ledger " + WHERE + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Entry.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) from (" + UNION + ") ledger " + WHERE), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("kind", f.kind() == null ? null : f.kind().name())
                .param("system", FilterText.orNull(f.system()))
                .param("open", f.open())
                .param("like", FilterText.containing(f.text()))
                .param("from", f.from() == null ? null : Timestamp.from(f.from()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to()));
    }
}
