package org.medops.inspection.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The demo: MedOps and its database as targets, a quarter of rounds, yesterday's failing check with its ticket. */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=40ms"})
class InspectionDemoIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsTargetsAQuarterOfRoundsAndOneFailingCheckWithItsTicket() {
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.sql(
                "select count(*) from inspection_ticket_links where target_code = 'medops-db' and check_code = 'CONNECTIONS'")
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from inspection_targets where code in ('medops-self', 'medops-db') and active")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from inspection_rounds where status = 'DONE' and template = 'DAILY'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(90);
        assertThat(jdbc.sql("select min(started_at) < now() - interval '85 days' from inspection_rounds")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from inspection_rounds where status = 'RUNNING' and started_at < now() - interval '1 hour'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select t.source from tickets t join inspection_ticket_links l on l.ticket_id = t.id
                where l.target_code = 'medops-db'""").query(String.class).single()).isEqualTo("INSPECTION");
    }
}
