package org.medops.reporting;

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
 * Reporting's demo seeds as if the demo were started on a chosen day — the first and last day of a year and of a
 * quarter, the Spring Festival and National Day holidays: a contract year whose first three quarters lie behind the
 * day, three finalised cards for exactly those quarters, calls (some unanswered), visits, trainings, an incident,
 * and nothing dated after the day.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=1s"})
class ReportingDemoDatesIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
    @ValueSource(strings = {"2026-12-03", "2026-01-01", "2026-03-31", "2026-04-01", "2026-02-17", "2026-10-01",
            "2025-12-31"})
    void seedsAContractYearWithThreeScoredQuarters(String day) {
        jdbc.sql("""
                truncate reporting_deductions, reporting_scorecard_items, reporting_scorecards, reporting_milestones,
                    reporting_contract_bands, reporting_contract_items, reporting_contracts, reporting_calls,
                    reporting_visits, reporting_trainings, reporting_incident_evidence, reporting_incidents,
                    reporting_extractions cascade""").update();
        LocalDate today = LocalDate.parse(day);
        Instant started = today.atTime(LocalTime.of(8, 40)).atZone(SHANGHAI).toInstant();
        clock.set(started);
        try {
            seeds.stream().filter(seed -> seed.name().startsWith("reporting")).forEach(DemoData::seed);
        } finally {
            clock.set(null);
        }
        Quarter current = Quarter.of(today);
        Quarter first = current.previous().previous().previous();
        List<String> quarters = jdbc.sql("select quarter from reporting_scorecards where status = 'FINAL' order by quarter")
                .query(String.class).list();
        assertThat(quarters).as(day).containsExactly(first.toString(), first.next().toString(),
                current.previous().toString());
        int year = jdbc.sql("select year from reporting_contracts").query(Integer.class).single();
        assertThat(jdbc.sql("select starts_on from reporting_contracts").query(LocalDate.class).single())
                .isEqualTo(first.first());

        assertThat(count("select count(*) from reporting_calls")).isEqualTo(10);
        assertThat(count("select count(*) from reporting_calls where not answered")).isEqualTo(3);
        assertThat(count("select count(*) from reporting_visits")).isEqualTo(3);
        assertThat(count("select count(*) from reporting_trainings")).isEqualTo(3);
        assertThat(count("select count(*) from reporting_incident_evidence")).isEqualTo(1);
        assertThat(count("select count(*) from reporting_deductions where struck")).as("the struck deduction").isOne();
        Timestamp from = Timestamp.from(first.first().atStartOfDay(SHANGHAI).toInstant());
        Timestamp now = Timestamp.from(started);
        assertThat(jdbc.sql("""
                        select count(*) from reporting_calls where called_at < :from or called_at > :now""")
                .param("from", from).param("now", now).query(Long.class).single()).as("calls in the three quarters").isZero();
        assertThat(jdbc.sql("""
                        select count(*) from reporting_extractions
                        where requested_at < :from or confirmed_at >= :quarter""")
                .param("from", from).param("quarter", Timestamp.from(current.first().atStartOfDay(SHANGHAI).toInstant()))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from reporting_visits where visited_on >= :q or visited_on < :f")
                .param("q", current.first()).param("f", first.first()).query(Long.class).single()).isZero();

        Api reviewer = new Api(port).as("reviewer", "MedOps#Demo2026");
        JsonNode summary = reviewer.get("/api/v1/scorecards/summary?contractYear=" + year).json();
        assertThat(summary.get("average").isNumber()).as(summary.toString()).isTrue();
        assertThat(summary.get("paymentPercent").asInt()).isIn(100, 95, 85, 50);
        JsonNode second = reviewer.get("/api/v1/scorecards/" + jdbc.sql(
                "select id from reporting_scorecards where quarter = :q").param("q", first.next().toString())
                .query(Long.class).single()).json();
        assertThat(second.toString()).contains("值班：2 次未接听 → 2 分").contains("服务态度");
        assertThat(reviewer.get("/api/v1/scorecards/milestones?contractYear=" + year).json().get("milestones").size())
                .isEqualTo(3);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
