package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket list: filters over the register with the current cycle's key due times. */
@Repository
class TicketQueries {

    record TicketRow(long id, String number, String title, List<String> systems, Priority priority,
                     TicketStatus status, String assignee, ReportSource source, Instant reportedAt, Instant closedAt,
                     Instant responseDue, Instant resolutionDue, boolean breached, boolean recurred) {
    }

    /**
     * Every criterion optional; {@code text} matches number, title and phenomenon; {@code assignee} "none" means
     * unassigned; {@code open} leaves out closed tickets; {@code risk}: a running response or resolution clock,
     * not yet breached, due within that much of {@code now}; {@code waiting}: awaiting the hospital's confirmation
     * for longer than that.
     */
    record TicketFilter(TicketStatus status, Priority priority, String system, String assignee, Boolean breached,
                        String text, Instant from, Instant to, boolean open, Duration risk, Duration waiting,
                        Instant now) {

        TicketFilter(TicketStatus status, Priority priority, String system, String assignee, Boolean breached,
                     String text, Instant from, Instant to) {
            this(status, priority, system, assignee, breached, text, from, to, false, null, null, null);
        }

        static TicketFilter queue(String assignee, Boolean breached, Duration risk, Duration waiting, Instant now) {
            return new TicketFilter(null, null, null, assignee, breached, null, null, null, true, risk, waiting, now);
        }
    }

    static final String UNASSIGNED = "none";

    private final JdbcClient jdbc;

    TicketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many tickets the filter shows: what a workbench number says. */
    long count(TicketFilter filter) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from (" + filtered(filter, params) + ") x").params(params)
                .query(Long.class).single();
    }

    List<TicketRow> search(TicketFilter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String query = filtered(filter, params) + " order by reported_at desc limit " + Math.max(1, Math.min(limit, 5000));
        return jdbc.sql(query).params(params).query((rs, n) -> new TicketRow(rs.getLong("id"), rs.getString("number"),
                rs.getString("title"), List.of((String[]) rs.getArray("system_codes").getArray()),
                Priority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"), ReportSource.valueOf(rs.getString("source")),
                rs.getTimestamp("reported_at").toInstant(), instant(rs.getTimestamp("closed_at")),
                instant(rs.getTimestamp("response_due")), instant(rs.getTimestamp("resolution_due")),
                rs.getBoolean("breached"), rs.getBoolean("recurred"))).list();
    }

    private static String filtered(TicketFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("""
                select t.id, t.number, t.title, t.system_codes, t.priority, t.status, t.assignee, t.source, t.reported_at,
                    t.closed_at, r.due_at as response_due, s.due_at as resolution_due,
                    exists (select 1 from sla_clocks b where b.ticket_id = t.id and b.cycle = t.cycle
                            and (b.breached_at is not null or b.state = 'BREACHED')) as breached,
                    t.recurrence_of is not null as recurred
                from tickets t
                left join sla_clocks r on r.ticket_id = t.id and r.cycle = t.cycle and r.kind = 'RESPONSE'
                left join sla_clocks s on s.ticket_id = t.id and s.cycle = t.cycle and s.kind = 'RESOLUTION'
                where true""");
        if (filter.status() != null) {
            sql.append(" and t.status = ?");
            params.add(filter.status().name());
        }
        if (filter.priority() != null) {
            sql.append(" and t.priority = ?");
            params.add(filter.priority().name());
        }
        if (filter.system() != null && !filter.system().isBlank()) {
            sql.append(" and ? = any(t.system_codes)");
            params.add(filter.system());
        }
        if (UNASSIGNED.equals(filter.assignee())) {
            sql.append(" and t.assignee is null");
        } else if (filter.assignee() != null && !filter.assignee().isBlank()) {
            sql.append(" and t.assignee = ?");
            params.add(filter.assignee());
        }
        if (filter.open() || filter.risk() != null) {
            sql.append(" and t.status <> 'CLOSED'");
        }
        if (filter.risk() != null) {
            sql.append("""
                     and exists (select 1 from sla_clocks k where k.ticket_id = t.id and k.cycle = t.cycle
                        and k.kind in ('RESPONSE', 'RESOLUTION') and k.state = 'RUNNING' and k.breached_at is null
                        and k.due_at > ? and k.due_at <= ?)""");
            params.add(Timestamp.from(filter.now()));
            params.add(Timestamp.from(filter.now().plus(filter.risk())));
        }
        if (filter.waiting() != null) {
            sql.append(" and t.status = 'AWAITING_CONFIRMATION' and t.fixed_at < ?");
            params.add(Timestamp.from(filter.now().minus(filter.waiting())));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (t.number ilike ? or t.title ilike ? or t.phenomenon ilike ?)");
            String like = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (filter.from() != null) {
            sql.append(" and t.reported_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and t.reported_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        return "select * from (" + sql + ") x"
                + (Boolean.TRUE.equals(filter.breached()) ? " where breached" : "")
                + (Boolean.FALSE.equals(filter.breached()) ? " where not breached" : "");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
