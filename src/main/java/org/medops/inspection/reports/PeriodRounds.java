package org.medops.inspection.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.medops.inspection.InspectionFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rounds started in a period with their items and reports, for the quarterly and annual service reports. */
@Repository
class PeriodRounds implements InspectionFigures {

    private record Totals(long rounds, long finished, long signed, long items, long pass, long warn, long fail,
                          long error) {
    }

    private final JdbcClient jdbc;
    private final ReportWording wording;

    PeriodRounds(JdbcClient jdbc, ReportWording wording) {
        this.jdbc = jdbc;
        this.wording = wording;
    }

    @Override
    public Rounds rounds(Instant from, Instant to, int findingLimit, Locale locale) {
        Totals totals = bind(jdbc.sql("""
                select count(*) as rounds,
                    count(*) filter (where r.status = 'DONE') as finished,
                    count(*) filter (where p.signed_at is not null) as signed,
                    coalesce(sum(i.items), 0) as items, coalesce(sum(i.pass), 0) as pass,
                    coalesce(sum(i.warn), 0) as warn, coalesce(sum(i.fail), 0) as fail,
                    coalesce(sum(i.error), 0) as error
                from inspection_rounds r
                left join inspection_reports p on p.round_id = r.id
                left join lateral (select count(*) as items,
                        count(*) filter (where result = 'PASS') as pass,
                        count(*) filter (where result = 'WARN') as warn,
                        count(*) filter (where result = 'FAIL') as fail,
                        count(*) filter (where result = 'ERROR') as error
                    from inspection_items where round_id = r.id) i on true
                where r.started_at >= :from and r.started_at < :to"""), from, to).query(Totals.class).single();
        List<TemplateCount> byTemplate = bind(jdbc.sql("""
                select coalesce(template, 'ALL') as template, count(*) as rounds from inspection_rounds
                where started_at >= :from and started_at < :to group by 1 order by 2 desc, 1"""), from, to)
                .query(TemplateCount.class).list();
        List<Finding> findings = bind(jdbc.sql("""
                        select i.round_id, coalesce(t.name, i.target_code) as target, i.check_code, i.result,
                            i.value, i.checked_at
                        from inspection_items i
                        join inspection_rounds r on r.id = i.round_id
                        left join inspection_targets t on t.code = i.target_code
                        where r.started_at >= :from and r.started_at < :to and r.status = 'DONE'
                            and i.result in ('FAIL', 'ERROR', 'WARN')
                        order by case i.result when 'FAIL' then 0 when 'ERROR' then 1 else 2 end, i.checked_at desc, i.id
                        limit :limit"""), from, to).param("limit", findingLimit)
                .query((rs, n) -> new Finding(rs.getLong("round_id"), rs.getString("target"),
                        wording.check(rs.getString("check_code"), locale), rs.getString("result"),
                        rs.getString("value"), rs.getTimestamp("checked_at").toInstant())).list();
        return new Rounds(totals.rounds(), totals.finished(), totals.signed(), byTemplate, totals.items(),
                totals.pass(), totals.warn(), totals.fail(), totals.error(), findings);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Instant from, Instant to) {
        return sql.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
    }
}
