package org.medops.opsdesk;

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

    record Workload(String key, long tickets, double hours) {
    }

    record WorkloadReport(Instant from, Instant to, List<Workload> byEngineer, List<Workload> bySystem,
                          List<Workload> byType) {
    }

    private static final int[] BUCKETS = {15, 30, 60, 120, 240, 480, 1440};

    private final JdbcClient jdbc;

    ServiceReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Compliance grouped by {@code month}, {@code priority}, {@code system}, {@code engineer} or {@code kind}.
     * Only the first-response and resolution targets count for the by-group views: they are the contract's.
     */
    List<Compliance> compliance(String groupBy, Instant from, Instant to) {
        String key = switch (groupBy) {
            case "month" -> "to_char(c.stopped_at at time zone 'Asia/Shanghai', 'YYYY-MM')";
            case "priority" -> "t.priority";
            case "system" -> "s.code";
            case "engineer" -> "coalesce(t.assignee, '—')";
            case "kind" -> "c.kind";
            default -> throw new IllegalArgumentException(groupBy);
        };
        String systems = groupBy.equals("system") ? " cross join lateral unnest(t.system_codes) as s(code)" : "";
        String kinds = groupBy.equals("kind") ? "" : " and c.kind in ('RESPONSE', 'RESOLUTION')";
        return jdbc.sql("select " + key + " as key, count(*) filter (where c.state = 'MET') as met,"
                        + " count(*) filter (where c.state = 'BREACHED') as breached"
                        + " from sla_clocks c join tickets t on t.id = c.ticket_id" + systems
                        + " where c.state in ('MET', 'BREACHED') and c.stopped_at >= ? and c.stopped_at < ?" + kinds
                        + " group by 1 order by 1")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Compliance.class).list();
    }

    /** Elapsed-time distribution of the finished clocks of one kind (15 min … 24 h, then longer). */
    List<Bucket> distribution(TargetKind kind, Instant from, Instant to) {
        List<Long> minutes = jdbc.sql("""
                        select elapsed_seconds / 60 from sla_clocks
                        where kind = ? and state in ('MET', 'BREACHED') and stopped_at >= ? and stopped_at < ?""")
                .params(kind.name(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).list();
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
     * Seed 002's workload interface: tickets reported in the period, and hours worked on them (the
     * resolution clock's elapsed time, pauses excluded), per engineer, per system and per fault category.
     */
    WorkloadReport workload(Instant from, Instant to) {
        String base = """
                from tickets t left join sla_clocks c on c.ticket_id = t.id and c.kind = 'RESOLUTION'
                where t.reported_at >= ? and t.reported_at < ?""";
        return new WorkloadReport(from, to,
                workload("coalesce(t.assignee, '—')", base, from, to),
                workload("s.code", base.replace("from tickets t", "from tickets t cross join lateral unnest(t.system_codes) as s(code)"), from, to),
                workload("t.category", base, from, to));
    }

    private List<Workload> workload(String key, String base, Instant from, Instant to) {
        return jdbc.sql("select " + key + " as key, count(distinct t.id) as tickets,"
                        + " round(coalesce(sum(c.elapsed_seconds), 0) / 3600.0, 1)::float8 as hours " + base
                        + " group by 1 order by 2 desc, 1")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Workload.class).list();
    }

    private static String label(int minutes) {
        return minutes < 60 ? minutes + "m" : minutes / 60 + "h";
    }
}
