package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medops.shared.DemoData;
import org.medops.testing.AdjustableClock;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The records demo seeded as if the demo started on a chosen day (month, quarter and year ends, a leap day, the
 * National Day holiday): HIS upgraded through the ops desk demo's completed change, PACS's plan awaiting the hospital,
 * LIS overdue for a new version, YB due soon, one plan overdue for review and one due soon — and nothing dated after
 * the day the demo starts.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=1s"})
class RecordsDemoIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustableClock clock;

    @Autowired
    List<DemoData> seeds;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }

    @ParameterizedTest(name = "started on {0}")
    @ValueSource(strings = {"2026-12-03", "2026-12-31", "2027-01-01", "2026-10-01", "2028-02-29", "2026-03-31"})
    void seedsVersionsUpgradesAndPlansOnTheDay(String day) {
        jdbc.sql("""
                truncate records_upgrade_decisions, records_upgrades, records_version_documents, records_versions,
                    records_version_releases,
                    records_drills, records_plan_reviews, records_emergency_plans, opsdesk_changes cascade""").update();
        Instant started = LocalDate.parse(day).atTime(LocalTime.of(8, 40)).atZone(SHANGHAI).toInstant();
        clock.set(started);
        try {
            seeds.stream().filter(s -> s.name().equals("ops desk changes") || s.name().startsWith("records"))
                    .forEach(DemoData::seed);
            Api reviewer = new Api(port).as("reviewer", "MedOps#Demo2026");
            JsonNode his = reviewer.get("/api/v1/records/versions/systems/HIS").json();
            assertThat(his.get("current").get("version").asString()).as(day).isEqualTo("5.3.2");
            assertThat(his.get("current").get("changeId").isNull()).isFalse();
            assertThat(his.get("cadence").asString()).isEqualTo("ON_TRACK");
            assertThat(his.get("upgrades").get(0).get("status").asString()).isEqualTo("INSTALLED");
            JsonNode pacs = reviewer.get("/api/v1/records/versions/systems/PACS").json();
            assertThat(pacs.get("pendingTarget").asString()).isEqualTo("4.2.0");
            long pacsUpgrade = pacs.get("upgrades").get(0).get("id").asLong();
            JsonNode upgrade = reviewer.get("/api/v1/records/upgrades/" + pacsUpgrade).json();
            assertThat(upgrade.get("assessment").get("state").asString()).isEqualTo("AGREED");
            assertThat(upgrade.get("plan").get("state").asString()).isEqualTo("PENDING");
            assertThat(reviewer.get("/api/v1/records/versions/systems/LIS").json().get("cadence").asString())
                    .isEqualTo("OVERDUE");
            assertThat(reviewer.get("/api/v1/records/versions/systems/YB").json().get("cadence").asString())
                    .isEqualTo("DUE_SOON");
            assertThat(reviewer.get("/api/v1/records/plans?review=OVERDUE").json().get("total").asLong()).isEqualTo(1);
            assertThat(reviewer.get("/api/v1/records/plans?review=DUE_SOON").json().get("total").asLong()).isEqualTo(1);
            assertThat(reviewer.get("/api/v1/records/plans?review=CURRENT").json().get("total").asLong()).isEqualTo(2);
            assertThat(reviewer.get("/api/v1/records/drills").json().get("total").asLong()).isEqualTo(3);

            LocalDate today = LocalDate.parse(day);
            Timestamp now = Timestamp.from(started);
            assertThat(jdbc.sql("""
                    select (select count(*) from records_versions where installed_on > :today or recorded_at > :now)
                         + (select count(*) from records_upgrade_decisions where at > :now)
                         + (select count(*) from records_drills where held_on > :today)
                         + (select count(*) from records_plan_reviews where reviewed_on > :today)
                         + (select count(*) from records_emergency_plans where created_at > :now)""")
                    .param("today", today).param("now", now).query(Long.class).single())
                    .as("nothing dated after " + day).isZero();
        } finally {
            clock.set(null);
        }
    }
}
