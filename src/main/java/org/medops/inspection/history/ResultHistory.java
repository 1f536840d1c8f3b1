package org.medops.inspection.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.inspection.rounds.ItemResult;
import org.medops.inspection.rounds.RoundStatus;
import org.medops.inspection.rounds.RoundTrigger;
import org.medops.inspection.rounds.Template;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Results across rounds, read straight from the round tables (the round reader gives one round; the history needs
 * many): one target's items over a period, the targets that have results, and the rounds of a period for the plan.
 */
@Repository
class ResultHistory {

    /** The most items one target's history reads; older ones beyond it are left out (the newest are kept). */
    static final int MAX_ITEMS = 20_000;

    record Item(long roundId, String checkCode, ItemResult result, String value, String threshold, Instant checkedAt) {
    }

    record TargetRow(String code, String name, Instant lastCheckedAt, int checks, int failing) {
    }

    record Round(long id, Template template, RoundStatus status, RoundTrigger trigger, Long scheduleId,
                 Instant startedAt) {
    }

    private final JdbcClient jdbc;

    ResultHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> targetName(String code) {
        return jdbc.sql("""
                        select coalesce((select name from inspection_targets where code = :code),
                            (select target_code from inspection_items where target_code = :code limit 1))""")
                .param("code", code).query(String.class).optional().filter(name -> name != null);
    }

    List<Item> items(String target, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from (
                            select round_id, check_code, result, value, threshold, checked_at from inspection_items
                            where target_code = :target and checked_at >= :from and checked_at < :to
                            order by checked_at desc, id desc limit :limit) newest
                        order by checked_at, round_id""")
                .param("target", target).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("limit", MAX_ITEMS)
                .query((rs, n) -> new Item(rs.getLong("round_id"), rs.getString("check_code"),
                        ItemResult.valueOf(rs.getString("result")), rs.getString("value"), rs.getString("threshold"),
                        instant(rs, "checked_at"))).list();
    }

    /** Every target with results or defined, with its latest round's failing count. */
    List<TargetRow> targets() {
        return jdbc.sql("""
                        with codes as (
                            select code from inspection_targets union select distinct target_code from inspection_items),
                        latest as (
                            select distinct on (target_code) target_code, round_id, checked_at from inspection_items
                            order by target_code, checked_at desc)
                        select c.code, coalesce(t.name, c.code) as name, l.checked_at,
                            (select count(*) from inspection_items i where i.target_code = c.code and i.round_id = l.round_id) as checks,
                            (select count(*) from inspection_items i where i.target_code = c.code and i.round_id = l.round_id
                                and i.result in ('FAIL', 'ERROR')) as failing
                        from codes c left join inspection_targets t on t.code = c.code
                            left join latest l on l.target_code = c.code
                        order by c.code""")
                .query((rs, n) -> new TargetRow(rs.getString("code"), rs.getString("name"), instant(rs, "checked_at"),
                        rs.getInt("checks"), rs.getInt("failing"))).list();
    }

    List<Round> rounds(Instant from, Instant to) {
        return jdbc.sql("""
                        select id, template, status, trigger, schedule_id, started_at from inspection_rounds
                        where started_at >= :from and started_at < :to order by started_at, id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::round).list();
    }

    private Round round(ResultSet rs, int n) throws SQLException {
        String template = rs.getString("template");
        long schedule = rs.getLong("schedule_id");
        Long scheduleId = rs.wasNull() ? null : schedule;
        return new Round(rs.getLong("id"), template == null ? null : Template.valueOf(template),
                RoundStatus.valueOf(rs.getString("status")), RoundTrigger.valueOf(rs.getString("trigger")),
                scheduleId, instant(rs, "started_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
