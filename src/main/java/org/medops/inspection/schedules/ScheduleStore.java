package org.medops.inspection.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.inspection.rounds.Template;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The schedules, their next occurrences and the occurrences already asked for. */
@Repository
class ScheduleStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String SELECT = """
            select id, name, template, targets, cron, holiday_eves, holidays, eve_time, active, next_due_at, last_due_at,
                created_at, created_by, updated_at, updated_by
            from inspection_schedules""";

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Schedule> all() {
        return jdbc.sql(SELECT + " order by active desc, next_due_at nulls last, id").query(this::row).list();
    }

    Optional<Schedule> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional();
    }

    Optional<Schedule> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::row).optional();
    }

    /** Due schedules, each locked for this transaction; rows another node holds are passed over, not waited for. */
    List<Schedule> lockDue(Instant now, int limit) {
        return jdbc.sql(SELECT + """
                         where active and next_due_at <= :now order by next_due_at limit :limit
                        for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(this::row).list();
    }

    long insert(Schedule.Details d, Instant nextDue, Instant at, String by) {
        return jdbc.sql("""
                        insert into inspection_schedules(name, template, targets, cron, holiday_eves, holidays, eve_time,
                            active, next_due_at, created_at, created_by, updated_at, updated_by)
                        values (:name, :template, cast(:targets as jsonb), :cron, :eves, cast(:holidays as jsonb), :eveTime,
                            :active, :next, :at, :by, :at, :by)
                        returning id""")
                .param("name", d.name()).param("template", d.template() == null ? null : d.template().name())
                .param("targets", JSON.writeValueAsString(d.targets())).param("cron", d.rule().cron())
                .param("eves", d.rule().holidayEves()).param("holidays", JSON.writeValueAsString(d.rule().holidays()))
                .param("eveTime", Time.valueOf(d.rule().eveTime())).param("active", d.isActive())
                .param("next", timestamp(nextDue)).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    void update(long id, Schedule.Details d, Instant nextDue, Instant at, String by) {
        jdbc.sql("""
                        update inspection_schedules set name = :name, template = :template, targets = cast(:targets as jsonb),
                            cron = :cron, holiday_eves = :eves, holidays = cast(:holidays as jsonb), eve_time = :eveTime,
                            active = :active, next_due_at = :next, updated_at = :at, updated_by = :by
                        where id = :id""")
                .param("id", id).param("name", d.name()).param("template", d.template() == null ? null : d.template().name())
                .param("targets", JSON.writeValueAsString(d.targets())).param("cron", d.rule().cron())
                .param("eves", d.rule().holidayEves()).param("holidays", JSON.writeValueAsString(d.rule().holidays()))
                .param("eveTime", Time.valueOf(d.rule().eveTime())).param("active", d.isActive())
                .param("next", timestamp(nextDue)).param("at", Timestamp.from(at)).param("by", by).update();
    }

    void moveOn(long id, Instant lastDue, Instant nextDue) {
        jdbc.sql("update inspection_schedules set last_due_at = :last, next_due_at = :next where id = :id")
                .param("id", id).param("last", timestamp(lastDue)).param("next", timestamp(nextDue)).update();
    }

    void setNextDue(long id, Instant nextDue) {
        jdbc.sql("update inspection_schedules set next_due_at = :next where id = :id")
                .param("id", id).param("next", timestamp(nextDue)).update();
    }

    /** Records that an occurrence was asked for; false when some node had asked for it already. */
    boolean claim(long id, Instant due, Instant at) {
        return jdbc.sql("""
                        insert into inspection_schedule_runs(schedule_id, due_at, published_at) values (:id, :due, :at)
                        on conflict do nothing""")
                .param("id", id).param("due", Timestamp.from(due)).param("at", Timestamp.from(at)).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from inspection_schedules where id = :id").param("id", id).update() > 0;
    }

    private Schedule row(ResultSet rs, int n) throws SQLException {
        String template = rs.getString("template");
        ScheduleRule rule = new ScheduleRule(rs.getString("cron"), rs.getBoolean("holiday_eves"),
                JSON.readValue(rs.getString("holidays"), STRINGS), rs.getTime("eve_time").toLocalTime());
        Schedule.Details details = new Schedule.Details(rs.getString("name"),
                template == null ? null : Template.valueOf(template), JSON.readValue(rs.getString("targets"), STRINGS),
                rule, rs.getBoolean("active"));
        return new Schedule(rs.getLong("id"), details, rs.getBoolean("active"), instant(rs, "next_due_at"),
                instant(rs, "last_due_at"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
