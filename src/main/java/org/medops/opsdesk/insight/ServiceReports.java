package org.medops.opsdesk.insight;

import org.medops.opsdesk.sla.TargetKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures that prove the vendor's service: SLA compliance of the clocks that finished in a period
 * (by month, priority, system and engineer), response and resolution time distributions, and the workload
 * per engineer, system and type. Clock outcomes are read as stored when each clock stopped.
 */
@Repository
class ServiceReports {

    /** One group's finished clocks: how many met and breached their target. */
    record Compliance(String key, long met, long breached) {

        public long total() {
            return met + breached;
        }

        /** Percent met, one decimal; 100 when nothing finished. */
        public double percent() {
            return total() == 0 ? 100.0 : Math.round(met * 1000.0 / total()) / 10.0;
        }
    }

    /** How many clocks of a kind finished within each bucket of elapsed minutes. */
    record Bucket(String label, int upToMinutes, long count) {
    }

    record Workload(String key, long items, double hours) {
    }

    record WorkloadReport(Instant from, Instant to, List<Workload> byEngineer, List<Workload> bySystem,
                          List<Workload> byType) {
    }

    /** Priorities read critical → low, as everywhere else. */
    private static final String PRIORITY_ORDER =
            "case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end";

    private static final int[] BUCKETS = {15, 30, 60, 120, 240, 480, 1440};

    private final JdbcClient jdbc;

    ServiceReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Compliance grouped by {@code month}, {@code priority}, {@code category}, {@code system}, {@code engineer} or
     * {@code kind}.
     * Only the first-response and resolution targets count for the by-group views: they are the contract's.
     */
    List<Compliance> compliance(String groupBy, Instant from, Instant to, java.time.ZoneId zone) {
        String key = switch (groupBy) {
            case "month" -> "to_char(coalesce(c.stopped_at, c.breached_at) at time zone :zone, 'YYYY-MM')";
            case "priority" -> "t.priority";
            case "category" -> "t.category";
            case "system" -> "s.code";
            case "engineer" -> "coalesce(t.assignee, '—')";
            case "kind" -> "c.kind";
            default -> throw new IllegalArgumentException(groupBy);
        };
        String systems = groupBy.equals("system") ? " cross join lateral unnest(t.system_codes) as s(code)" : "";
        String kinds = groupBy.equals("kind") ? "" : " and c.kind in ('RESPONSE', 'RESOLUTION')";
        // Finished clocks count when they stopped; a clock still open but already late counts as breached when it broke.
        return jdbc.sql("select " + key + " as key,"
                        + " count(*) filter (where c.state = 'MET') as met,"
                        + " count(*) filter (where c.state <> 'MET') as breached"
                        + " from sla_clocks c join tickets t on t.id = c.ticket_id" + systems
                        + " where ((c.state in ('MET', 'BREACHED') and c.stopped_at >= :from and c.stopped_at < :to)"
                        + " or (c.state in ('RUNNING', 'PAUSED') and c.breached_at >= :from and c.breached_at < :to))"
                        + kinds + " group by 1 order by " + (groupBy.equals("priority") ? PRIORITY_ORDER : "1"))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("zone", zone.getId()).query(Compliance.class).list();
    }

    /** Elapsed-time distribution of the finished clocks of one kind (15 min … 24 h, then longer). */
    List<Bucket> distribution(TargetKind kind, Instant from, Instant to) {
        List<Long> minutes = jdbc.sql("""
                        select elapsed_seconds / 60 from sla_clocks
                        where kind = :kind and state in ('MET', 'BREACHED') and stopped_at >= :from and stopped_at < :to""")
                .param("kind", kind.name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).list();
        long[] counts = new long[BUCKETS.length + 1];
        for (long m : minutes) {
            int i = 0;
            while (i < BUCKETS.length && m > BUCKETS[i]) {
                i++;
            }
            counts[i]++;
        }
        List<Bucket> buckets = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            String label = i < BUCKETS.length ? "≤" + label(BUCKETS[i]) : ">" + label(BUCKETS[BUCKETS.length - 1]);
            buckets.add(new Bucket(label, i < BUCKETS.length ? BUCKETS[i] : Integer.MAX_VALUE, counts[i]));
        }
        return buckets;
    }

    /**
     * Seed 002's workload interface: the work registered in the period, counted and in hours, per engineer,
     * system and type. Tickets count the resolution clock's time (pauses excluded) under their fault category,
     * on their first system; accepted requirements count their person-days at 8 h; executed changes their
     * execution time.
     */
    WorkloadReport workload(Instant from, Instant to) {
        return new WorkloadReport(from, to, workload("engineer", from, to), workload("system", from, to),
                workload("type", from, to));
    }

    private static final String WORK = """
            select 'T' || t.id as item, coalesce(t.assignee, '—') as engineer, t.system_codes[1] as system,
                t.category as type, coalesce(c.elapsed_seconds, 0) / 3600.0 as hours
            from tickets t left join sla_clocks c on c.ticket_id = t.id and c.kind = 'RESOLUTION'
            where t.reported_at >= :from and t.reported_at < :to
            union all
            select 'R' || r.id, coalesce(r.answered_by, '—'), r.system_code, 'REQUIREMENT', r.person_days * 8
            from opsdesk_requirements r
            where r.submitted_at >= :from and r.submitted_at < :to
                and r.status not in ('SUBMITTED', 'UNDER_ANALYSIS', 'REJECTED')
            union all
            select 'C' || g.id, g.requested_by, g.system_code, 'CHANGE',
                coalesce(extract(epoch from g.finished_at - g.started_at), 0) / 3600.0
            from opsdesk_changes g
            where g.planned_start >= :from and g.planned_start < :to and g.started_at is not null""";

    private List<Workload> workload(String key, Instant from, Instant to) {
        return jdbc.sql("select " + key + " as key, count(distinct item) as items,"
                        + " round(sum(hours), 1)::float8 as hours from (" + WORK + ") work group by 1 order by 2 desc, 1")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Workload.class).list();
    }

    private static String label(int minutes) {
        return minutes < 60 ? minutes + "m" : minutes / 60 + "h";
    }
}
