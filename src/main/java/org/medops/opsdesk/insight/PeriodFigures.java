package org.medops.opsdesk.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.medops.opsdesk.ServiceFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts over tickets, requirements, defects and changes for a period of the service report, beside the SLA
 * compliance of {@link ServiceReports}. Like the ledger it reads the desk's records as they stand now.
 */
@Repository
class PeriodFigures {

    private static final String PRIORITY_ORDER =
            "case key when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end";

    private final JdbcClient jdbc;

    PeriodFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long ticketsReported(Instant from, Instant to) {
        return count("select count(*) from tickets where reported_at >= :from and reported_at < :to", from, to);
    }

    long ticketsClosed(Instant from, Instant to) {
        return count("select count(*) from tickets where closed_at >= :from and closed_at < :to", from, to);
    }

    long ticketsOpenAt(Instant from, Instant to) {
        return count("select count(*) from tickets where reported_at < :to and (closed_at is null or closed_at >= :to)"
               , from, to);
    }

    /** Tickets reported in the period by {@code priority}, {@code category} or {@code system} (each of its systems). */
    List<ServiceFigures.Count> ticketsBy(String group, Instant from, Instant to) {
        String key = switch (group) {
            case "priority" -> "priority";
            case "category" -> "category";
            case "system" -> "s.code";
            default -> throw new IllegalArgumentException(group);
        };
        String systems = group.equals("system") ? " cross join lateral unnest(system_codes) as s(code)" : "";
        String order = group.equals("priority") ? PRIORITY_ORDER : "count desc, key";
        return bind(jdbc.sql("select key, count from (select " + key + " as key, count(*) as count from tickets"
                + systems + " where reported_at >= :from and reported_at < :to group by 1) g order by " + order),
                from, to).query(ServiceFigures.Count.class).list();
    }

    /**
     * The faults reported in the period that came back: grouped by the first ticket (the one recurrences point at),
     * most often first.
     */
    List<ServiceFigures.RecurringFault> recurringFaults(Instant from, Instant to, int limit) {
        return bind(jdbc.sql("""
                        select o.number, o.title, o.system_codes[1] as system, o.category,
                            g.occurrences, g.recurrences
                        from (select coalesce(recurrence_of, id) as origin, count(*) as occurrences,
                                  count(*) filter (where recurrence_of is not null) as recurrences
                              from tickets where reported_at >= :from and reported_at < :to
                              group by 1) g
                        join tickets o on o.id = g.origin
                        where g.recurrences > 0
                        order by g.occurrences desc, g.recurrences desc, o.number
                        limit :limit"""), from, to).param("limit", limit)
                .query((rs, n) -> new ServiceFigures.RecurringFault(rs.getString("number"), rs.getString("title"),
                        rs.getString("system"), rs.getString("category"), rs.getLong("occurrences"),
                        rs.getLong("recurrences"))).list();
    }

    /**
     * Critical tickets whose interruption overlaps the period: from the fault's occurrence to its repair, clipped to
     * the period, so a quarter counts only its own minutes.
     */
    List<ServiceFigures.Outage> criticalOutages(Instant from, Instant to, Instant now) {
        return bind(jdbc.sql("""
                        select number, title, system_codes, occurred_at, fixed_at,
                            greatest(0, extract(epoch from least(coalesce(fixed_at, :now), :to)
                                - greatest(occurred_at, :from)) / 60)::bigint as minutes
                        from tickets
                        where priority = 'CRITICAL' and occurred_at < :to and coalesce(fixed_at, :now) > :from
                        order by minutes desc, number"""), from, to).param("now", Timestamp.from(now))
                .query((rs, n) -> new ServiceFigures.Outage(rs.getString("number"), rs.getString("title"),
                        Arrays.asList((String[]) rs.getArray("system_codes").getArray()),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("fixed_at") == null ? null : rs.getTimestamp("fixed_at").toInstant(),
                        rs.getLong("minutes"))).list();
    }

    ServiceFigures.Progress requirements(Instant from, Instant to) {
        return new ServiceFigures.Progress(
                count("select count(*) from opsdesk_requirements where submitted_at >= :from and submitted_at < :to",
                        from, to),
                count("select count(*) from opsdesk_requirements where answered_at >= :from and answered_at < :to",
                        from, to),
                count("""
                        select count(*) from opsdesk_requirements where submitted_at < :to
                            and (answered_at is null or answered_at >= :to)""", from, to),
                byStatus("opsdesk_requirements", "submitted_at", from, to));
    }

    ServiceFigures.Progress defects(Instant from, Instant to) {
        return new ServiceFigures.Progress(
                count("select count(*) from opsdesk_defects where reported_at >= :from and reported_at < :to", from, to),
                count("select count(*) from opsdesk_defects where closed_at >= :from and closed_at < :to", from, to),
                count("""
                        select count(*) from opsdesk_defects where reported_at < :to
                            and (closed_at is null or closed_at >= :to)""", from, to),
                byStatus("opsdesk_defects", "reported_at", from, to));
    }

    ServiceFigures.Progress changes(Instant from, Instant to) {
        List<ServiceFigures.Count> statuses = new java.util.ArrayList<>(
                byStatus("opsdesk_changes", "planned_start", from, to));
        statuses.addAll(bind(jdbc.sql("""
                        select 'result.' || result as key, count(*) as count from opsdesk_changes
                        where finished_at >= :from and finished_at < :to and result is not null
                        group by result order by 1"""), from, to).query(ServiceFigures.Count.class).list());
        return new ServiceFigures.Progress(
                count("select count(*) from opsdesk_changes where planned_start >= :from and planned_start < :to",
                        from, to),
                count("select count(*) from opsdesk_changes where finished_at >= :from and finished_at < :to",
                        from, to),
                count("""
                        select count(*) from opsdesk_changes where planned_start < :to
                            and status in ('REQUESTED', 'AUTHORIZED', 'IN_PROGRESS')""", from, to),
                statuses);
    }

    private List<ServiceFigures.Count> byStatus(String table, String openedColumn, Instant from, Instant to) {
        return bind(jdbc.sql("select status as key, count(*) as count from " + table + " where " + openedColumn
                + " >= :from and " + openedColumn + " < :to group by status order by 2 desc, 1"), from, to)
                .query(ServiceFigures.Count.class).list();
    }

    private long count(String sql, Instant from, Instant to) {
        return bind(jdbc.sql(sql), from, to).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Instant from, Instant to) {
        return sql.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
    }
}
