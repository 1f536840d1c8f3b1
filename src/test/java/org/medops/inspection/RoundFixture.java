package org.medops.inspection;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rounds and items written straight into the round tables, as the round runner would leave them. */
public final class RoundFixture {

    private final JdbcClient jdbc;

    public RoundFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void target(String code, String name) {
        jdbc.sql("""
                        insert into inspection_targets(code, name, kind, created_at, created_by, updated_at, updated_by)
                        values (:code, :name, 'SSH', now(), 'fixture', now(), 'fixture') on conflict (code) do nothing""")
                .param("code", code).param("name", name).update();
    }

    /** A round of a template (null: full list) by a trigger, with a schedule or none, DONE unless {@code running}. */
    public long round(String template, String trigger, Long scheduleId, Instant startedAt, boolean running) {
        return jdbc.sql("""
                        insert into inspection_rounds(template, status, trigger, schedule_id, started_by, started_at, finished_at)
                        values (:template, :status, :trigger, :schedule, 'fixture', :at, :finished) returning id""")
                .param("template", template).param("status", running ? "RUNNING" : "DONE").param("trigger", trigger)
                .param("schedule", scheduleId).param("at", Timestamp.from(startedAt))
                .param("finished", running ? null : Timestamp.from(startedAt.plusSeconds(90)))
                .query(Long.class).single();
    }

    public void item(long round, String target, String check, String result, String value, String threshold,
                     String evidence, Instant at) {
        jdbc.sql("""
                        insert into inspection_items(round_id, target_code, check_code, result, value, threshold, evidence, checked_at)
                        values (:round, :target, :check, :result, :value, :threshold, :evidence, :at)""")
                .param("round", round).param("target", target).param("check", check).param("result", result)
                .param("value", value).param("threshold", threshold).param("evidence", evidence)
                .param("at", Timestamp.from(at)).update();
    }
}
