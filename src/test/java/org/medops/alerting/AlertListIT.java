package org.medops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The alert list contract over the API and the export: paging, sorting, filters by rule, severity, state and
 * raising date, refusals, CSV in the hospital zone with Chinese headers, Excel; and the dashboard's alert numbers
 * equal the totals of the lists they link to.
 */
@MedopsTest
class AlertListIT {

    static final ZoneId HOSPITAL = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    long lis;
    long pacs;

    /**
     * Two disabled rules (so the evaluator leaves their alerts alone) and 25 alerts: LIS has 15 (5 of each
     * severity; open, acknowledged and resolved in turn; the first five raised three days ago), PACS 10 open warnings.
     */
    @BeforeEach
    void alerts() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        lis = rule("LIS 失败率 " + suffix, "lis");
        pacs = rule("PACS 时延 " + suffix, "pacs");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AlertSeverity[] severities = AlertSeverity.values();
        String[] statuses = {"OPEN", "ACKNOWLEDGED", "RESOLVED"};
        for (int i = 0; i < 15; i++) {
            insert(lis, "lis-" + i, severities[i % 3], statuses[i % 3],
                    i < 5 ? now.minus(3, ChronoUnit.DAYS).plusSeconds(i) : now.minusSeconds(600 - i));
        }
        for (int i = 0; i < 10; i++) {
            insert(pacs, "pacs-" + i, AlertSeverity.WARNING, "OPEN", now.minusSeconds(300 - i));
        }
    }

    private long rule(String name, String subject) {
        Api.Response created = admin.post("/api/v1/alert-rules", """
                {"name":"%s","kind":"FAILURE_RATE","subject":"%s","threshold":50,"windowMinutes":5,"minCalls":3,
                 "severity":"WARNING","targetIds":[]}""".formatted(name, subject));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(admin.post("/api/v1/alert-rules/" + id + "/disable", "{}").status()).isEqualTo(204);
        return id;
    }

    private void insert(long rule, String subject, AlertSeverity severity, String status, Instant raisedAt) {
        jdbc.sql("""
                        insert into alerts(rule_id, subject, severity, status, message, message_args, value, raised_at,
                            acknowledged_at, acknowledged_by, resolved_at, resolved_by)
                        values (:rule, :subject, :severity, :status, :message, cast(:args as text[]), 60, :at,
                            :ackAt, :ackBy, :resolvedAt, :resolvedBy)""")
                .param("rule", rule).param("subject", subject).param("severity", severity.name())
                .param("status", status).param("message", "服务 " + subject + " 近 5 分钟失败率 60.0%")
                .param("args", new String[] {subject, "5", "60.0", "6", "10", "50.0"})
                .param("at", Timestamp.from(raisedAt))
                .param("ackAt", status.equals("OPEN") ? null : Timestamp.from(raisedAt.plusSeconds(60)))
                .param("ackBy", status.equals("OPEN") ? null : "admin")
                .param("resolvedAt", status.equals("RESOLVED") ? Timestamp.from(raisedAt.plusSeconds(120)) : null)
                .param("resolvedBy", status.equals("RESOLVED") ? "admin" : null)
                .update();
    }

    private JsonNode list(String parameters) {
        Api.Response response = admin.get("/api/v1/alerts?" + parameters);
        assertThat(response.status()).as(parameters + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void pagesNewestFirstWithAUserChosenSizeAndLinksThatKeepTheFilter() {
        JsonNode first = list("rule=" + lis + "&size=10");
        assertThat(first.get("total").asLong()).isEqualTo(15);
        assertThat(first.get("rows").size()).isEqualTo(10);
        assertThat(first.get("links").get("next").asString()).contains("rule=" + lis, "page=1", "size=10");
        JsonNode second = list("rule=" + lis + "&size=10&page=1");
        assertThat(second.get("rows").size()).isEqualTo(5);
        List<String> subjects = new ArrayList<>(first.get("rows").findValuesAsString("subject"));
        subjects.addAll(second.get("rows").findValuesAsString("subject"));
        assertThat(subjects).doesNotHaveDuplicates().hasSize(15);
        List<Instant> raised = new ArrayList<>();
        first.get("rows").forEach(a -> raised.add(Instant.parse(a.get("raisedAt").asString())));
        second.get("rows").forEach(a -> raised.add(Instant.parse(a.get("raisedAt").asString())));
        assertThat(raised).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void sortsBySeverityFromCriticalAndByRaisingTime() {
        assertThat(list("rule=" + lis + "&sort=severity,asc").get("rows").get(0).get("severity").asString())
                .isEqualTo("CRITICAL");
        assertThat(list("rule=" + lis + "&sort=severity,desc").get("rows").get(0).get("severity").asString())
                .isEqualTo("INFO");
        assertThat(list("rule=" + lis + "&sort=raisedAt,asc").get("rows").get(0).get("subject").asString())
                .isEqualTo("lis-0");
        assertThat(list("rule=" + lis + "&sort=status,asc").get("rows").get(0).get("status").asString())
                .isEqualTo("OPEN");
    }

    @Test
    void filtersByRuleSeverityStateAndRaisingDate() {
        assertThat(list("rule=" + lis + "&severity=CRITICAL").get("total").asLong()).isEqualTo(5);
        assertThat(list("rule=" + lis + "&status=OPEN").get("total").asLong()).isEqualTo(5);
        assertThat(list("rule=" + pacs + "&status=OPEN&severity=WARNING").get("total").asLong()).isEqualTo(10);
        LocalDate threeDaysAgo = LocalDate.now(HOSPITAL).minusDays(3);
        assertThat(list("rule=" + lis + "&from=" + threeDaysAgo + "&to=" + threeDaysAgo).get("total").asLong())
                .isEqualTo(5);
        assertThat(list("rule=" + lis + "&from=" + LocalDate.now(HOSPITAL).minusDays(1)).get("total").asLong())
                .isEqualTo(10);
    }

    @Test
    void refusesWhatTheListCannotAnswerWithAProblem() {
        assertThat(problem("sort=message,asc")).isEqualTo("sort-invalid");
        assertThat(problem("size=500")).isEqualTo("page-size-invalid");
        assertThat(problem("from=2026-02-01&to=2026-01-01")).isEqualTo("range-invalid");
        assertThat(problem("export=pdf")).isEqualTo("export-format-invalid");
        assertThat(admin.get("/api/v1/alerts?status=NOPE").status()).isEqualTo(400);
    }

    private String problem(String parameters) {
        Api.Response response = admin.get("/api/v1/alerts?" + parameters);
        assertThat(response.status()).as(parameters + " " + response.body()).isEqualTo(400);
        return response.json().get("code").asString();
    }

    @Test
    void exportsTheFilteredAlertsAsCsvInTheHospitalZoneWithChineseHeadersAndAsExcel() throws Exception {
        JsonNode shown = list("rule=" + lis + "&sort=raisedAt,asc&size=50").get("rows");
        Api.Download csv = admin.download("/api/v1/alerts?rule=" + lis + "&sort=raisedAt,asc&export=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "alerts", ".csv");
        List<List<String>> rows = Exports.csv(csv.body());
        assertThat(rows.get(0)).startsWith("时间", "级别", "规则", "对象", "内容", "状态");
        assertThat(rows).hasSize(1 + 15);
        String raised = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX")
                .format(Instant.parse(shown.get(0).get("raisedAt").asString()).atZone(HOSPITAL));
        assertThat(rows.get(1).get(0)).isEqualTo(raised).endsWith("+08:00");
        assertThat(rows.get(1).get(1)).isEqualTo("严重");
        assertThat(rows.get(1).get(3)).isEqualTo("lis-0");
        assertThat(rows.get(1).get(5)).isEqualTo("未处理");

        Api.Download english = admin.download("/api/v1/alerts?rule=" + lis + "&export=csv&lang=en");
        assertThat(english.status()).isEqualTo(200);
        List<List<String>> englishRows = Exports.csv(english.body());
        assertThat(englishRows.get(0)).contains("Severity", "Rule").doesNotContain("级别");
        assertThat(englishRows.stream().map(r -> r.get(1)).toList()).contains("Critical");

        Api.Download xlsx = admin.download("/api/v1/alerts?rule=" + pacs + "&export=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(Exports.xlsxText(xlsx.body())).contains("级别", "警告", "pacs-9").doesNotContain("lis-0");

        assertThat(jdbc.sql("select count(*) from audit_records where action = 'alerts.export' and actor = 'admin'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theDashboardsAlertNumbersAreTheTotalsOfTheListsTheyLinkTo() {
        JsonNode cards = admin.get("/api/v1/traffic/dashboard-cards").json();
        List<String> labels = new ArrayList<>();
        for (JsonNode card : cards) {
            String link = card.get("link").asString();
            labels.add(card.get("label").asString());
            assertThat(admin.get("/api/v1" + link).json().get("total").asLong())
                    .as(card.get("label").asString() + " " + link).isEqualTo(card.get("count").asLong());
        }
        assertThat(labels).contains("dashboard.card.serverErrors", "dashboard.card.openAlerts",
                "dashboard.card.criticalAlerts");
        long open = cards.findValues("count").get(labels.indexOf("dashboard.card.openAlerts")).asLong();
        assertThat(open).as("this test's own open alerts are among them").isGreaterThanOrEqualTo(15);
    }
}
