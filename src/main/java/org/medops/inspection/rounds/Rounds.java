package org.medops.inspection.rounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rounds and their items as the runner writes them, and the round list with each round's counts. */
@Repository
class Rounds implements ListSource<Rounds.Filter, Rounds.Row> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final SortColumns SORT = SortColumns.of("startedAt", false, "r.id", "startedAt", "r.started_at",
            "id", "r.id", "template", "r.template", "status", "r.status", "failed", "failed");

    /** {@code status}/{@code template} null: any. */
    record Filter(RoundStatus status, Template template) {
    }

    /** A round in the list, with how many items came out each way. */
    record Row(long id, Template template, RoundStatus status, RoundTrigger trigger, String startedBy,
               Instant startedAt, Instant finishedAt, List<String> targets, long passed, long warned, long failed,
               long errored) {

        long items() {
            return passed + warned + failed + errored;
        }
    }

    /** A running round as the recovery finds it. */
    record Running(long id, Template template, List<String> targets, Instant startedAt) {
    }

    private final JdbcClient jdbc;

    Rounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(Template template, RoundTrigger trigger, Long scheduleId, List<String> targets, String by, Instant at) {
        return jdbc.sql("""
                        insert into inspection_rounds(template, status, trigger, schedule_id, targets, started_by,
                            started_at, heartbeat_at)
                        values (:template, 'RUNNING', :trigger, :schedule, cast(:targets as jsonb), :by, :at, :at)
                        returning id""")
                .param("template", template == null ? null : template.name()).param("trigger", trigger.name())
                .param("schedule", scheduleId).param("targets", JSON.writeValueAsString(targets)).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    /** Inserted, a PASS never late: a check that finished after its round was closed as interrupted is dropped. */
    void item(long round, String target, String check, ItemResult result, String value, String threshold,
              String evidence, Instant at) {
        jdbc.sql("""
                        insert into inspection_items(round_id, target_code, check_code, result, value, threshold, evidence,
                            checked_at)
                        select :round, :target, :check, :result, :value, :threshold, :evidence, :at
                        where exists (select 1 from inspection_rounds where id = :round and status = 'RUNNING')""")
                .param("round", round).param("target", target).param("check", check).param("result", result.name())
                .param("value", value).param("threshold", threshold).param("evidence", evidence)
                .param("at", Timestamp.from(at)).update();
    }

    boolean finish(long round, Instant at) {
        return jdbc.sql("update inspection_rounds set status = 'DONE', finished_at = :at where id = :id and status = 'RUNNING'")
                .param("id", round).param("at", Timestamp.from(at)).update() > 0;
    }

    void heartbeat(List<Long> rounds, Instant at) {
        if (!rounds.isEmpty()) {
            jdbc.sql("update inspection_rounds set heartbeat_at = :at where id in (:ids) and status = 'RUNNING'")
                    .param("ids", rounds).param("at", Timestamp.from(at)).update();
        }
    }

    /** Running rounds nobody touched since {@code before}, locked so two nodes never close one twice. */
    List<Running> abandoned(Instant before) {
        return jdbc.sql("""
                        select id, template, targets::text as targets, started_at from inspection_rounds
                        where status = 'RUNNING' and coalesce(heartbeat_at, started_at) < :before
                        order by id for update skip locked""")
                .param("before", Timestamp.from(before))
                .query((rs, n) -> new Running(rs.getLong("id"), template(rs.getString("template")),
                        codes(rs.getString("targets")), rs.getTimestamp("started_at").toInstant()))
                .list();
    }

    List<String> checked(long round, String target) {
        return jdbc.sql("select check_code from inspection_items where round_id = :round and target_code = :target")
                .param("round", round).param("target", target).query(String.class).list();
    }

    /** The result of this target's check in the latest earlier round that made it. */
    Optional<ItemResult> previous(long round, String target, String check) {
        return jdbc.sql("""
                        select result from inspection_items where target_code = :target and check_code = :check
                            and round_id < :round and result <> 'ERROR'
                        order by round_id desc limit 1""")
                .param("round", round).param("target", target).param("check", check)
                .query((rs, n) -> ItemResult.valueOf(rs.getString(1))).optional();
    }

    /** The items of the last finished round, by result, and when it finished (for the meters); empty before one. */
    Optional<LastRound> lastFinished() {
        return jdbc.sql("""
                        select r.finished_at,
                            count(i.id) filter (where i.result = 'PASS') as passed,
                            count(i.id) filter (where i.result = 'WARN') as warned,
                            count(i.id) filter (where i.result = 'FAIL') as failed,
                            count(i.id) filter (where i.result = 'ERROR') as errored
                        from (select id, finished_at from inspection_rounds where finished_at is not null
                              order by finished_at desc limit 1) r
                        left join inspection_items i on i.round_id = r.id
                        group by r.finished_at""")
                .query((rs, n) -> new LastRound(rs.getTimestamp("finished_at").toInstant(), rs.getLong("passed"),
                        rs.getLong("warned"), rs.getLong("failed"), rs.getLong("errored")))
                .optional();
    }

    record LastRound(Instant finishedAt, long passed, long warned, long failed, long errored) {

        long count(ItemResult result) {
            return switch (result) {
                case PASS -> passed;
                case WARN -> warned;
                case FAIL -> failed;
                case ERROR -> errored;
            };
        }
    }

    Optional<RoundStatus> status(long round) {
        return jdbc.sql("select status from inspection_rounds where id = :id").param("id", round)
                .query((rs, n) -> RoundStatus.valueOf(rs.getString(1))).optional();
    }

    @Override
    public List<Row> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return jdbc.sql(SELECT + where(filter) + " group by r.id order by " + SORT.orderBy(sort)
                        + " limit :limit offset :offset")
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("template", filter.template() == null ? null : filter.template().name())
                .param("limit", limit).param("offset", offset).query(this::row).list();
    }

    @Override
    public long count(Filter filter) {
        return jdbc.sql("select count(*) from inspection_rounds r" + where(filter))
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("template", filter.template() == null ? null : filter.template().name())
                .query(Long.class).single();
    }

    private static final String SELECT = """
            select r.id, r.template, r.status, r.trigger, r.started_by, r.started_at, r.finished_at, r.targets::text as targets,
                count(i.id) filter (where i.result = 'PASS') as passed,
                count(i.id) filter (where i.result = 'WARN') as warned,
                count(i.id) filter (where i.result = 'FAIL') as failed,
                count(i.id) filter (where i.result = 'ERROR') as errored
            from inspection_rounds r left join inspection_items i on i.round_id = r.id""";

    private static String where(Filter filter) {
        return " where (cast(:status as varchar) is null or r.status = :status)"
                + " and (cast(:template as varchar) is null or r.template = :template)";
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Row(rs.getLong("id"), template(rs.getString("template")), RoundStatus.valueOf(rs.getString("status")),
                RoundTrigger.valueOf(rs.getString("trigger")), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                codes(rs.getString("targets")), rs.getLong("passed"), rs.getLong("warned"), rs.getLong("failed"),
                rs.getLong("errored"));
    }

    private static Template template(String code) {
        return code == null ? null : Template.valueOf(code);
    }

    private static List<String> codes(String json) {
        return JSON.readValue(json, new TypeReference<List<String>>() { });
    }
}
