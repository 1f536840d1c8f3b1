package org.medops.opsdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the ops desk recorded about the vendor's service in a period, for the vendor scorecard (reporting): outages
 * of critical tickets, SLA targets missed on arrival and resolution, and rework (refused confirmations, reopened
 * tickets). Read-only, from the ops desk's own tables; other modules never read those tables themselves.
 */
@Repository
public class ServiceFacts {

    /**
     * A critical ticket's business interruption: from when the fault occurred to its (first) repair, or still
     * running at {@code until} when not repaired yet.
     */
    public record Outage(long ticketId, String number, String title, Instant from, Instant until, boolean ongoing) {

        public long minutes() {
            return java.time.Duration.between(from, until).toMinutes();
        }
    }

    /** A missed SLA target: {@code kind} is {@code ARRIVAL} (not on site in time) or {@code RESOLUTION}. */
    public record SlaMiss(long ticketId, String number, String title, String kind, Instant breachedAt) {
    }

    /** A repair that did not satisfy: {@code kind} is {@code CONFIRMATION_REFUSED} or {@code REOPENED}. */
    public record Rework(long ticketId, String number, String title, String kind, Instant at, String detail) {
    }

    private final JdbcClient jdbc;

    ServiceFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Outages of critical tickets whose fault occurred in {@code [from, to)}; an unrepaired one runs to {@code now}. */
    public List<Outage> criticalOutages(Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                        select t.id as ticket_id, t.number, t.title, t.occurred_at as "from",
                            coalesce(first_fix.fixed_at, t.fixed_at, :now) as until,
                            (coalesce(first_fix.fixed_at, t.fixed_at) is null) as ongoing
                        from tickets t
                        left join lateral (select c.fixed_at from ticket_cycles c
                                           where c.ticket_id = t.id and c.fixed_at is not null
                                           order by c.cycle limit 1) first_fix on true
                        where t.priority = 'CRITICAL' and t.occurred_at >= :from and t.occurred_at < :to
                        order by t.occurred_at, t.id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(now))
                .query(Outage.class).list();
    }

    /** Arrival and resolution targets breached in {@code [from, to)}, one per clock. */
    public List<SlaMiss> slaMisses(Instant from, Instant to) {
        return jdbc.sql("""
                        select t.id as ticket_id, t.number, t.title, c.kind, c.breached_at
                        from sla_clocks c join tickets t on t.id = c.ticket_id
                        where c.kind in ('ARRIVAL', 'RESOLUTION') and c.breached_at >= :from and c.breached_at < :to
                        order by c.breached_at, c.id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(SlaMiss.class).list();
    }

    /** Refused confirmations and reopened tickets in {@code [from, to)}. */
    public List<Rework> rework(Instant from, Instant to) {
        return jdbc.sql("""
                        select t.id as ticket_id, t.number, t.title, e.kind, e.at, e.detail
                        from ticket_events e join tickets t on t.id = e.ticket_id
                        where e.kind in ('CONFIRMATION_REFUSED', 'REOPENED') and e.at >= :from and e.at < :to
                        order by e.at, e.id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Rework.class).list();
    }
}
