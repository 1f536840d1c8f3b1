package org.medops.inspection.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.inspection.rounds.RoundDue;
import org.medops.inspection.rounds.RoundTrigger;
import org.medops.inspection.rounds.Template;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Schedules over the API with their next occurrences; a due schedule asks for exactly one round however many
 * ticks (or nodes) see it; the year's plan counts the rounds done against the occurrences and the ones missed.
 */
@MedopsTest
@RecordApplicationEvents
class SchedulesIT {

    /** Far enough ahead that the background tick never sees these schedules due. */
    static final Instant FUTURE = Instant.parse("2099-06-01T01:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScheduleRunner runner;
    @Autowired
    ApplicationEvents events;

    long create(Api admin, String body) {
        Api.Response created = admin.post("/api/v1/inspection/schedules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void aScheduleShowsItsNextOccurrencesAndRefusesABadRule() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        long id = create(admin, """
                {"name": "数据库性能检查（季度+节前）", "template": "DATABASE", "targets": ["his-db"],
                 "cron": "0 9 1 1,4,7,10 *", "holidayEves": true, "holidays": ["劳动节", "国庆节", "春节"]}""");
        JsonNode view = admin.get("/api/v1/inspection/schedules/" + id).json();
        assertThat(view.get("upcoming")).hasSize(3);
        assertThat(view.get("nextDueAt").asString()).isEqualTo(view.get("upcoming").get(0).asString());
        assertThat(view.get("eveTime").asString()).startsWith("09:00");
        assertThat(admin.post("/api/v1/inspection/schedules", "{\"name\":\"x\",\"cron\":\"every day\"}").status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/inspection/schedules", "{\"name\":\"x\"}").body())
                .contains("inspection-schedule-rule-missing");
        Api.Response changed = admin.put("/api/v1/inspection/schedules/" + id, """
                {"name": "数据库性能检查", "template": "DATABASE", "cron": "0 9 1 * *", "active": true}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("holidayEves").asBoolean()).isFalse();
        assertThat(jdbc.sql("select action from audit_records where target_type = 'inspection-schedule' and target_id = :id order by seq")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("inspection.schedule.create", "inspection.schedule.update");
        assertThat(admin.delete("/api/v1/inspection/schedules/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/inspection/schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDueSchedulePublishesExactlyOneRoundDue() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String name = "每日巡检 " + UUID.randomUUID().toString().substring(0, 6);
        long id = create(admin, """
                {"name": "%s", "template": "DAILY", "targets": ["his-db", "pacs-app"], "cron": "0 0 8 * * *"}""".formatted(name));
        due(id, FUTURE);

        List<RoundDue> first = runner.runDue(FUTURE.plusSeconds(60));
        List<RoundDue> second = runner.runDue(FUTURE.plusSeconds(61));

        List<RoundDue> mine = events.stream(RoundDue.class).filter(e -> Long.valueOf(id).equals(e.scheduleId())).toList();
        assertThat(mine).hasSize(1);
        RoundDue due = mine.get(0);
        assertThat(due.template()).isEqualTo(Template.DAILY);
        assertThat(due.targets()).containsExactly("his-db", "pacs-app");
        assertThat(due.trigger()).isEqualTo(RoundTrigger.SCHEDULE);
        assertThat(first.stream().filter(e -> e.scheduleId() == id)).hasSize(1);
        assertThat(second.stream().filter(e -> e.scheduleId() == id)).isEmpty();
        JsonNode view = admin.get("/api/v1/inspection/schedules/" + id).json();
        assertThat(Instant.parse(view.get("lastDueAt").asString())).isEqualTo(FUTURE);
        assertThat(Instant.parse(view.get("nextDueAt").asString())).isAfter(FUTURE.plusSeconds(61));
        admin.delete("/api/v1/inspection/schedules/" + id);
    }

    @Test
    void twoNodesTickingAtOnceAskForOneRound() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        long id = create(admin, """
                {"name": "并发 %s", "template": "BACKUP", "cron": "0 0 2 * * *"}""".formatted(UUID.randomUUID()));
        due(id, FUTURE.plusSeconds(3600));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<RoundDue>>> ticks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<List<RoundDue>> tick = () -> {
                    start.await();
                    return runner.runDue(FUTURE.plusSeconds(3700));
                };
                ticks.add(nodes.submit(tick));
            }
            start.countDown();
            long published = 0;
            for (Future<List<RoundDue>> tick : ticks) {
                published += tick.get().stream().filter(e -> e.scheduleId() == id).count();
            }
            assertThat(published).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from inspection_schedule_runs where schedule_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        admin.delete("/api/v1/inspection/schedules/" + id);
    }

    @Test
    void thePlanCountsRoundsDoneAgainstTheOccurrencesAndTheMissedOnes() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        int year = LocalDate.now(zone).getYear() - 1;
        long id = create(admin, """
                {"name": "季度巡检 %s", "template": "QUARTERLY", "cron": "0 9 1 1,4,7,10 *"}""".formatted(UUID.randomUUID()));
        // The schedule existed all that year; two quarters were done (one by the schedule, one by hand), two missed.
        jdbc.sql("update inspection_schedules set created_at = :at where id = :id")
                .param("at", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant())).param("id", id).update();
        RoundFixture rounds = new RoundFixture(jdbc);
        long q1 = rounds.round("QUARTERLY", "SCHEDULE", id, LocalDate.of(year, 1, 1).atTime(9, 1).atZone(zone).toInstant(), false);
        long q3 = rounds.round("QUARTERLY", "MANUAL", null, LocalDate.of(year, 8, 12).atTime(14, 0).atZone(zone).toInstant(), false);

        Api.Response response = admin.get("/api/v1/inspection/plan?year=" + year);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode schedule : response.json().get("schedules")) {
            if (schedule.get("scheduleId").asLong() == id) {
                line = schedule;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("totals").get("planned").asInt()).isEqualTo(4);
        assertThat(line.get("totals").get("done").asInt()).isEqualTo(2);
        assertThat(line.get("totals").get("missed").asInt()).isEqualTo(2);
        assertThat(line.get("occurrences").get(0).get("roundId").asLong()).isEqualTo(q1);
        assertThat(line.get("occurrences").get(1).get("status").asString()).isEqualTo("MISSED");
        assertThat(line.get("occurrences").get(2).get("roundId").asLong()).isEqualTo(q3);
        assertThat(line.get("totals").get("donePercent").asDouble()).isEqualTo(50.0);
        assertThat(admin.get("/api/v1/inspection/plan?year=1800").status()).isEqualTo(400);
        admin.delete("/api/v1/inspection/schedules/" + id);
    }

    private void due(long id, Instant at) {
        jdbc.sql("update inspection_schedules set next_due_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }
}
