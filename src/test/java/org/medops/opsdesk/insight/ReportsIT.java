package org.medops.opsdesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** SLA compliance and the workload interface count what an engineer actually did. */
@MedopsTest
class ReportsIT {

    @LocalServerPort
    int port;

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    @Test
    void anEngineersTicketsAndRequirementsShowInComplianceAndWorkload() {
        String name = "rep" + UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser(name, "工程师 报表", "Eng#Report-2026", "OPS_ENGINEER");
        Api owner = admin.newUser("own" + name, "院方 报表", "Own#Report-2026", "HOSPITAL_REVIEWER");
        for (int i = 0; i < 2; i++) {
            long id = engineer.post("/api/v1/opsdesk/tickets", """
                    {"title":"报表测试 %d","phenomenon":"x","occurredAt":"%s","impactScope":"y","systems":["RIS"],
                     "category":"SOFTWARE","reporter":"r","contact":"c","source":"PHONE","priority":"MEDIUM"}"""
                    .formatted(i, Instant.now().minusSeconds(60))).json().get("id").asLong();
            engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
            engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
            engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"done\"}");
            owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"院方\",\"statement\":\"ok\"}");
        }
        long requirement = owner.post("/api/v1/opsdesk/requirements", """
                {"title":"报表测试需求","description":"d","systemCode":"RIS","submitter":"院方"}""").json()
                .get("id").asLong();
        engineer.post("/api/v1/opsdesk/requirements/" + requirement + "/analysis", "{}");
        Api.Response accepted = engineer.post("/api/v1/opsdesk/requirements/" + requirement + "/accept",
                "{\"reason\":\"可以做\",\"personDays\":1}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        try {
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
            JsonNode workload = owner.get("/api/v1/opsdesk/workload?from=" + today + "&to=" + tomorrow).json();
            JsonNode mine = row(workload.get("byEngineer"), name);
            assertThat(mine.get("items").asLong()).as("two tickets and one requirement").isEqualTo(3);
            assertThat(mine.get("hours").asDouble()).as("8 h for the requirement's person-day").isGreaterThanOrEqualTo(8.0);
            assertThat(row(workload.get("byType"), "REQUIREMENT").get("items").asLong()).isPositive();
            assertThat(row(workload.get("bySystem"), "RIS").get("items").asLong()).isGreaterThanOrEqualTo(3);

            JsonNode compliance = owner.get("/api/v1/opsdesk/reports/sla?by=engineer&from=" + today).json();
            assertThat(row(compliance, name).get("met").asLong()).as("response and resolution of both tickets")
                    .isEqualTo(4);
            assertThat(owner.get("/api/v1/opsdesk/reports/sla?by=colour").status()).isEqualTo(400);
            assertThat(owner.get("/api/v1/opsdesk/workload?from=2026-12-01&to=2026-11-01").json().get("code").asString())
                    .isEqualTo("period-invalid");
        } finally {
            engineer.put("/api/v1/opsdesk/requirements/" + requirement + "/person-days", "{\"personDays\":0}");
        }
    }
}
