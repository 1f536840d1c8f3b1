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

    @Test
    void theReportExportsTheFiguresThePageShowsWithChineseHeadersAndPrioritiesCriticalFirst() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api staff = admin.newUser("rx" + UUID.randomUUID().toString().substring(0, 6), "院方 导出", "Rep#Export-2026",
                "HOSPITAL_REVIEWER");
        java.util.List<String> order = java.util.List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
        java.util.List<String> priorities = new java.util.ArrayList<>();
        staff.get("/api/v1/opsdesk/reports/sla?by=priority&from=2020-01-01").json()
                .forEach(r -> priorities.add(r.get("key").asString()));
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.comparing(order::indexOf));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        Api.Download xlsx = staff.download("/api/v1/opsdesk/reports/export.xlsx?from=2020-01-01&to=" + today);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(xlsx.header("Content-Disposition")).contains("medops-reports-", ".xlsx");
        assertThat(org.medops.testing.Exports.xlsxText(xlsx.body()))
                .contains("报表", "分组", "达标", "超时", "达标率（%）", "数量", "处理小时", "按指标", "首次响应", "按优先级",
                        "首次响应时间分布（工单数）", "工作量·按工程师");
        Api.Download csv = staff.download("/api/v1/opsdesk/reports/export.csv?from=2020-01-01&to=" + today);
        java.util.List<java.util.List<String>> rows = org.medops.testing.Exports.csv(csv.body());
        assertThat(rows.get(0)).containsExactly("报表", "分组", "达标", "超时", "达标率（%）", "数量", "处理小时");
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("按指标", "故障修复"));
        java.util.List<String> exportedPriorities = rows.stream().filter(r -> r.get(0).equals("按优先级"))
                .map(r -> r.get(1)).toList();
        assertThat(exportedPriorities).isSortedAccordingTo(java.util.Comparator.comparing(
                java.util.List.of("紧急", "高", "中", "低")::indexOf));

        Api.Response reversed = staff.get("/api/v1/opsdesk/reports/export.xlsx?from=2026-12-01&to=2026-11-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("code").asString()).isEqualTo("period-invalid");
        assertThat(new Api(port).get("/api/v1/opsdesk/reports/export.xlsx").status()).isEqualTo(401);
    }
}
