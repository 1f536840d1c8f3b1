package org.medops.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

/**
 * The ops desk's demo seeds against the database as if the demo were started on a chosen day: a weekday, a
 * Saturday, the National Day and Spring Festival holidays, a make-up working Sunday, New Year's Day of a year
 * without a holiday table, the last day of a contract year. Each day's quarter is stored through the domain and
 * answered by the API, and every role's workbench shows work in each of its queues.
 */
@MedopsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=1s"})
class DemoSeedingDatesIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustableClock clock;

    @Autowired
    List<DemoData> seeds;

    /** A seed that always fails, as a seed meeting data it does not expect would; and a clock the test sets. */
    @TestConfiguration
    static class FailingSeedAndClock {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }

        @Bean
        @org.springframework.core.annotation.Order(25)
        DemoData failingSeed() {
            return new DemoData() {
                @Override
                public String name() {
                    return "a seed that fails";
                }

                @Override
                public void seed() {
                    throw new IllegalStateException("demo data this seed cannot handle");
                }
            };
        }
    }

    @Test
    @Order(1)
    void aFailingSeedIsSkippedAndThePlatformStartsWithTheOthers() {
        // This context holds the failing seed: it started, and the seeds before and after it ran.
        assertThat(new Api(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from users where username = 'engineer'").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from opsdesk_changes").query(Long.class).single()).isPositive();
    }

    @Order(2)
    @ParameterizedTest(name = "started on {0}")
    @ValueSource(strings = {"2026-12-01", "2026-12-05", "2026-10-01", "2026-09-20", "2026-02-17", "2027-01-01",
            "2026-12-31"})
    void seedsAWholeQuarterOnTheDay(String day) {
        jdbc.sql("truncate tickets, opsdesk_requirements, opsdesk_defects, opsdesk_changes cascade").update();
        Instant started = LocalDate.parse(day).atTime(LocalTime.of(8, 40)).atZone(SHANGHAI).toInstant();
        clock.set(started);
        try {
            seeds.stream().filter(seed -> seed.name().startsWith("ops desk") || seed.name().startsWith("portal"))
                    .forEach(DemoData::seed);
            workbenchesShowWork(day);
        } finally {
            clock.set(null);
        }

        List<String> statuses = jdbc.sql("select status from tickets").query(String.class).list();
        assertThat(statuses).hasSizeGreaterThan(60)
                .contains("NEW", "IN_PROGRESS", "LOCATED", "AWAITING_CONFIRMATION", "CLOSED");
        assertThat(jdbc.sql("select count(*) from tickets where reported_at > :now or closed_at > :now")
                .param("now", java.sql.Timestamp.from(started)).query(Long.class).single())
                .as("nothing happens after the day the demo starts").isZero();
        assertThat(jdbc.sql("select count(*) from opsdesk_requirements").query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from opsdesk_defects").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from opsdesk_changes").query(Long.class).single()).isEqualTo(5);

        Api manager = new Api(port).as("manager", "MedOps#Demo2026");
        assertThat(manager.get("/api/v1/opsdesk/tickets").json().get("total").asLong()).isGreaterThan(60);
        assertThat(manager.get("/api/v1/opsdesk/ledger").status()).isEqualTo(200);
    }

    /** Seeded at the chosen moment, every role's workbench has something in every queue (the manager's own aside). */
    private void workbenchesShowWork(String day) {
        Map<String, Long> engineer = cards("engineer");
        engineer.remove("records.project.card.overdue"); // the records demo's project, overdue on some of the days
        assertThat(engineer).as("engineer on " + day).containsOnlyKeys("workbench.tickets.mine",
                "workbench.tickets.unassigned", "workbench.tickets.risk", "workbench.tickets.breached",
                "workbench.tickets.waiting");
        assertThat(engineer.values()).as("engineer on " + day + ": " + engineer).allMatch(count -> count > 0);

        Map<String, Long> manager = cards("manager");
        manager.remove("workbench.tickets.mine");
        assertThat(manager).as("manager on " + day).containsKeys("workbench.tickets.dispatch", "workbench.tickets.risk");
        assertThat(manager.values()).as("manager on " + day + ": " + manager).allMatch(count -> count > 0);

        Map<String, Long> reviewer = cards("reviewer");
        assertThat(reviewer).as("reviewer on " + day).containsOnlyKeys("workbench.tickets.confirmations",
                "workbench.requirements.verification", "workbench.changes.authorization", "workbench.access.review");
        assertThat(reviewer.values()).as("reviewer on " + day + ": " + reviewer).allMatch(count -> count > 0);
    }

    private Map<String, Long> cards(String username) {
        Map<String, Long> cards = new LinkedHashMap<>();
        new Api(port).as(username, "MedOps#Demo2026").get("/api/v1/workbench").json().forEach(section ->
                section.get("cards").forEach(card -> cards.put(card.get("label").asString(), card.get("count").asLong())));
        return cards;
    }
}
