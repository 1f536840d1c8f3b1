package org.medops.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medops.shared.DemoData;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** What a newcomer finds on the ops desk after {@code --demo}: a quarter of tickets, requirements, defects, changes. */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=40ms"})
class OpsdeskDemoIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsAQuarterOfTicketsSoTheServiceReportsShowSomething() {
        Api manager = new Api(port).as("manager", "MedOps#Demo2026");
        JsonNode page = manager.get("/api/v1/opsdesk/tickets?size=200").json();
        assertThat(page.get("total").asLong()).isGreaterThan(60);
        JsonNode tickets = page.get("rows");
        assertThat(tickets.size()).isEqualTo((int) Math.min(200, page.get("total").asLong()));
        assertThat(tickets.findValuesAsString("status")).contains("CLOSED")
                .containsAnyOf("NEW", "ACCEPTED", "IN_PROGRESS", "LOCATED", "AWAITING_CONFIRMATION");
        assertThat(tickets.findValues("breached").stream().filter(JsonNode::asBoolean).count())
                .as("some tickets were late").isPositive();
        assertThat(tickets.findValues("recurred").stream().filter(JsonNode::asBoolean).count()).isPositive();

        JsonNode byKind = manager.get("/api/v1/opsdesk/reports/sla?by=kind").json();
        assertThat(byKind.findValues("breached").stream().mapToLong(JsonNode::asLong).sum()).isPositive();
        assertThat(byKind.findValues("met").stream().mapToLong(JsonNode::asLong).sum()).isGreaterThan(50);
        JsonNode workload = manager.get("/api/v1/opsdesk/workload").json();
        assertThat(workload.get("byEngineer").findValuesAsString("key")).contains("engineer", "manager");
        assertThat(workload.get("byType").findValues("hours").stream().mapToDouble(JsonNode::asDouble).sum()).isPositive();
    }

    @Test
    void seedsAQuarterOfRequirementsDefectsAndChangesOnce(@Autowired List<DemoData> seeds) {
        Api viewer = new Api(port).as("viewer", "MedOps#Demo2026");
        assertThat(viewer.get("/api/v1/opsdesk/requirements?size=200").json().get("rows").findValuesAsString("status"))
                .contains("SUBMITTED", "UNDER_ANALYSIS", "REJECTED", "SCHEDULED", "DELIVERED", "VERIFIED");
        assertThat(viewer.get("/api/v1/opsdesk/defects?size=200").json().get("rows").findValuesAsString("status"))
                .contains("OPEN", "ACKNOWLEDGED", "FIXING", "FIXED", "CLOSED");
        assertThat(viewer.get("/api/v1/opsdesk/changes?size=200").json().get("rows").findValuesAsString("result"))
                .contains("SUCCESS", "ROLLED_BACK");
        JsonNode allowance = viewer.get("/api/v1/opsdesk/requirements/allowance").json();
        java.math.BigDecimal spent = java.math.BigDecimal.ZERO;
        for (JsonNode r : viewer.get("/api/v1/opsdesk/requirements?size=200").json().get("rows")) {
            if (r.has("contractYear") && r.get("contractYear").asInt() == allowance.get("year").asInt()
                    && !r.get("status").asString().equals("REJECTED")) {
                spent = spent.add(new java.math.BigDecimal(r.get("personDays").asString()));
            }
        }
        assertThat(new java.math.BigDecimal(allowance.get("used").asString())).isEqualByComparingTo(spent);
        long before = jdbc.sql("select (select count(*) from opsdesk_requirements) + (select count(*) from opsdesk_defects)"
                + " + (select count(*) from opsdesk_changes)").query(Long.class).single();
        seeds.forEach(DemoData::seed);
        assertThat(jdbc.sql("select (select count(*) from opsdesk_requirements) + (select count(*) from opsdesk_defects)"
                + " + (select count(*) from opsdesk_changes)").query(Long.class).single()).isEqualTo(before);
    }
}
