package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.SortColumns;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket list: the filters of the list contract over the register, with the current cycle's key due times. */
@Repository
class TicketQueries {

    record TicketRow(long id, String number, String title, List<String> systems, Priority priority,
                     TicketStatus status, String assignee, String assigneeName, ReportSource source, Instant reportedAt,
                     Instant closedAt, Instant responseDue, Instant resolutionDue, boolean breached, boolean recurred) {
    }

    /**
     * Every criterion optional and combinable. {@code statuses} empty = any; {@code assignee} a username, or
     * {@link #UNASSIGNED}; {@code risk}: open, an SLA clock not breached and due within it; {@code waiting}: awaiting
     * confirmation for longer than it; {@code text} matches number, title and phenomenon.
     */
    record TicketFilter(Set<TicketStatus> statuses, Priority priority, String system, String assignee, Boolean breached,
                        Duration risk, Duration waiting, String text, Instant from, Instant to) {
        static final String UNASSIGNED = "\u0000none";

        TicketFilter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    record Assignee(String username, String displayName) {
    }

    /** The columns the list sorts by (the header names), each with its expression. */
    static final SortColumns SORT = SortColumns.of("reportedAt", false, "t.id",
            "number", "t.id",
            "title", "t.title",
            "priority", "case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end",
            "status", "case t.status when 'NEW' then 0 when 'ACCEPTED' then 1 when 'IN_PROGRESS' then 2"
                    + " when 'AWAITING_INFO' then 3 when 'LOCATED' then 4 when 'AWAITING_CONFIRMATION' then 5 else 6 end",
            "assignee", "t.assignee",
            "reportedAt", "t.reported_at",
            "resolutionDue", "s.due_at");

    private static final String FROM = """
            from tickets t
            left join sla_clocks r on r.ticket_id = t.id and r.cycle = t.cycle and r.kind = 'RESPONSE'
            left join sla_clocks s on s.ticket_id = t.id and s.cycle = t.cycle and s.kind = 'RESOLUTION'
            where (:anyStatus or t.status in (:statuses))
              and (cast(:priority as varchar) is null or t.priority = :priority)
              and (cast(:system as varchar) is null or :system = any(t.system_codes))
              and (cast(:assignee as varchar) is null or t.assignee = :assignee or (:unassigned and t.assignee is null))
              and (cast(:breached as boolean) is null or :breached = exists (select 1 from sla_clocks b
                     where b.ticket_id = t.id and b.cycle = t.cycle and (b.breached_at is not null or b.state = 'BREACHED')))
              and (cast(:riskUntil as timestamptz) is null or (t.status <> 'CLOSED' and exists (select 1 from sla_clocks k
                     where k.ticket_id = t.id and k.cycle = t.cycle and k.kind in ('RESPONSE', 'RESOLUTION')
                       and k.state = 'RUNNING' and k.breached_at is null and k.due_at > :now and k.due_at <= :riskUntil)))
              and (cast(:waitingSince as timestamptz) is null
                     or (t.status = 'AWAITING_CONFIRMATION' and t.fixed_at < :waitingSince))
              and (cast(:like as varchar) is null or t.number ilike :like or t.title ilike :like or t.phenomenon ilike :like)
              and (cast(:from as timestamptz) is null or t.reported_at >= :from)
              and (cast(:to as timestamptz) is null or t.reported_at < :to)
            """;

    private final JdbcClient jdbc;

    TicketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page in the requested order. */
    List<TicketRow> page(TicketFilter filter, ListRequest request, Instant now) {
        return rows(filter, request.sort(), request.offset(), request.size(), now);
    }

    /** The rows from {@code offset}, at most {@code limit} (an export reads past one page). */
    List<TicketRow> rows(TicketFilter filter, ListRequest.Sort sort, long offset, int limit, Instant now) {
        return bind(jdbc.sql("""
                        select t.id, t.number, t.title, t.system_codes, t.priority, t.status, t.assignee,
                            coalesce(u.display_name, t.assignee) as assignee_name, t.source, t.reported_at, t.closed_at,
                            r.due_at as response_due, s.due_at as resolution_due,
                            exists (select 1 from sla_clocks b where b.ticket_id = t.id and b.cycle = t.cycle
                                    and (b.breached_at is not null or b.state = 'BREACHED')) as breached,
                            t.recurrence_of is not null as recurred
                        """ + FROM.replace("where (:anyStatus", "left join users u on u.username = t.assignee\nwhere (:anyStatus")
                        + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter, now)
                .param("offset", offset).param("limit", limit).query(ROW).list();
    }

    long count(TicketFilter filter, Instant now) {
        return bind(jdbc.sql("select count(*) " + FROM), filter, now).query(Long.class).single();
    }

    /** Everyone tickets are or were assigned to, by display name, for the assignee pick-list. */
    List<Assignee> assignees() {
        return jdbc.sql("""
                select distinct t.assignee as username, coalesce(u.display_name, t.assignee) as display_name
                from tickets t left join users u on u.username = t.assignee
                where t.assignee is not null order by display_name""").query(Assignee.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, TicketFilter f, Instant now) {
        boolean unassigned = TicketFilter.UNASSIGNED.equals(f.assignee());
        return sql.param("anyStatus", f.statuses().isEmpty())
                .param("statuses", f.statuses().isEmpty() ? List.of("-") : f.statuses().stream().map(Enum::name).toList())
                .param("priority", f.priority() == null ? null : f.priority().name())
                .param("system", FilterText.orNull(f.system()))
                .param("assignee", unassigned ? "" : FilterText.orNull(f.assignee()))
                .param("unassigned", unassigned)
                .param("breached", f.breached())
                .param("now", Timestamp.from(now))
                .param("riskUntil", f.risk() == null ? null : Timestamp.from(now.plus(f.risk())))
                .param("waitingSince", f.waiting() == null ? null : Timestamp.from(now.minus(f.waiting())))
                .param("like", FilterText.orNull(f.text()) == null ? null : "%" + f.text().strip().replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%")
                .param("from", f.from() == null ? null : Timestamp.from(f.from()))
                .param("to", f.to() == null ? null : Timestamp.from(f.to()));
    }

    private static final RowMapper<TicketRow> ROW = (rs, n) -> new TicketRow(rs.getLong("id"), rs.getString("number"),
            rs.getString("title"), List.of((String[]) rs.getArray("system_codes").getArray()),
            Priority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")),
            rs.getString("assignee"), rs.getString("assignee_name"), ReportSource.valueOf(rs.getString("source")),
            rs.getTimestamp("reported_at").toInstant(), instant(rs.getTimestamp("closed_at")),
            instant(rs.getTimestamp("response_due")), instant(rs.getTimestamp("resolution_due")),
            rs.getBoolean("breached"), rs.getBoolean("recurred"));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
