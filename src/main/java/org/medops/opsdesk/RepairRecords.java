package org.medops.opsdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ops desk's repair documents for other modules (the records archive files them): fault-location reports
 * (故障定位报告) and the hospital's signed-off repairs (故障修复确认单), of the current cycle of a ticket and of the
 * cycles a reopen archived. Read-only; writing them stays with the tickets.
 */
@Repository
public class RepairRecords {

    /** A fault-location report as the engineer wrote it. */
    public record Location(long ticketId, String number, String title, List<String> systems, int cycle,
                           String rootCause, String impact, String fixPriority, String risk, String locatedBy,
                           Instant locatedAt) {
    }

    /** A repair the hospital signed off: the repair as described and the confirmation as signed. */
    public record Confirmation(long ticketId, String number, String title, List<String> systems, int cycle,
                               String fixSummary, String fixedBy, Instant fixedAt, String confirmedBy,
                               String confirmerName, String statement, Instant confirmedAt) {
    }

    private final JdbcClient jdbc;

    RepairRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Location reports written at or after {@code from} and before {@code to}, oldest first. */
    public List<Location> locatedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select t.id, t.number, t.title, t.system_codes, c.cycle, c.root_cause, c.location_impact,
                            c.fix_priority, c.risk, c.located_by, c.located_at
                        from (select id as ticket_id, cycle, root_cause, location_impact, fix_priority, risk,
                                     located_by, located_at from tickets
                              union all
                              select ticket_id, cycle, root_cause, location_impact, fix_priority, risk, located_by,
                                     located_at from ticket_cycles) c
                        join tickets t on t.id = c.ticket_id
                        where c.located_at >= :from and c.located_at < :to
                        order by c.located_at, t.id, c.cycle""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Location(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        systems(rs), rs.getInt("cycle"), rs.getString("root_cause"), rs.getString("location_impact"),
                        rs.getString("fix_priority"), rs.getString("risk"), rs.getString("located_by"),
                        rs.getTimestamp("located_at").toInstant()))
                .list();
    }

    /** Repairs signed off at or after {@code from} and before {@code to}, oldest first. */
    public List<Confirmation> confirmedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select t.id, t.number, t.title, t.system_codes, c.cycle, c.fix_summary, c.fixed_by, c.fixed_at,
                            c.confirmed_by, c.confirmer_name, c.confirmation, c.confirmed_at
                        from (select id as ticket_id, cycle, fix_summary, fixed_by, fixed_at, confirmed_by,
                                     confirmer_name, confirmation, confirmed_at from tickets
                              union all
                              select ticket_id, cycle, fix_summary, fixed_by, fixed_at, confirmed_by, confirmer_name,
                                     confirmation, confirmed_at from ticket_cycles) c
                        join tickets t on t.id = c.ticket_id
                        where c.confirmed_at >= :from and c.confirmed_at < :to
                        order by c.confirmed_at, t.id, c.cycle""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Confirmation(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        systems(rs), rs.getInt("cycle"), rs.getString("fix_summary"), rs.getString("fixed_by"),
                        instant(rs.getTimestamp("fixed_at")), rs.getString("confirmed_by"),
                        rs.getString("confirmer_name"), rs.getString("confirmation"),
                        rs.getTimestamp("confirmed_at").toInstant()))
                .list();
    }

    private static List<String> systems(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("system_codes").getArray());
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
