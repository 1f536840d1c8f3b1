package org.medops.records.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Drills held on emergency plans. */
@Repository
class Drills implements ListSource<Drills.Filter, Drills.DrillRow> {

    /** {@code withinRto}: whether recovery in the drill stayed within the plan's RTO (null when not measured). */
    record DrillRow(long id, long planId, String planTitle, Scenario planScenario, LocalDate heldOn, String scenario,
                    String participants, String findings, String followUp, Integer recoveryMinutes, int rtoMinutes,
                    Boolean withinRto) {
    }

    /** {@code from}/{@code to}: held on or after, before. */
    record Filter(Long plan, LocalDate from, LocalDate to, String text) {
    }

    static final SortColumns SORT = SortColumns.of("heldOn", false, "d.id",
            "heldOn", "d.held_on",
            "plan", "p.title",
            "recoveryMinutes", "d.recovery_minutes");

    private static final String FROM = """
            from records_drills d join records_emergency_plans p on p.id = d.plan_id
            where (cast(:plan as bigint) is null or d.plan_id = :plan)
              and (cast(:from as date) is null or d.held_on >= :from)
              and (cast(:to as date) is null or d.held_on < :to)
              and (cast(:like as varchar) is null or d.scenario ilike :like or d.findings ilike :like
                   or d.follow_up ilike :like)
            """;

    private final JdbcClient jdbc;

    Drills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long planId, NewDrill d, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into records_drills(plan_id, held_on, scenario, participants, findings, follow_up,
                            recovery_minutes, recorded_by, recorded_at)
                        values (:plan, :heldOn, :scenario, :participants, :findings, :followUp, :recovery, :by, :at)""")
                .param("plan", planId).param("heldOn", d.heldOn()).param("scenario", d.scenario().strip())
                .param("participants", d.participants().strip()).param("findings", d.findings().strip())
                .param("followUp", d.followUp().strip()).param("recovery", d.recoveryMinutes()).param("by", by)
                .param("at", Timestamp.from(at)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private static final String SELECT = """
            select id, plan_id, held_on, scenario, participants, findings, follow_up, recovery_minutes, recorded_by,
                recorded_at from records_drills""";

    Optional<Drill> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Drill.class).optional();
    }

    List<Drill> ofPlan(long planId) {
        return jdbc.sql(SELECT + " where plan_id = :plan order by held_on desc, id desc").param("plan", planId)
                .query(Drill.class).list();
    }

    /** Drills held on days in {@code [from, to)}, for the archive. */
    List<Drill> heldBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where held_on >= :from and held_on < :to order by held_on, id")
                .param("from", from).param("to", to).query(Drill.class).list();
    }

    @Override
    public List<DrillRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select d.id, d.plan_id, p.title as plan_title, p.scenario as plan_scenario, d.held_on,
                            d.scenario, d.participants, d.findings, d.follow_up, d.recovery_minutes, p.rto_minutes,
                            d.recovery_minutes <= p.rto_minutes as within_rto
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(DrillRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("plan", f.plan()).param("from", f.from()).param("to", f.to())
                .param("like", FilterText.containing(f.text()));
    }
}
