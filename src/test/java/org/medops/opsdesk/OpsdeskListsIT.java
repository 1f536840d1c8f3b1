package org.medops.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The requirement, defect and change lists over the API and the export: paging (total counts every page), sorting
 * both ways with severities and risks highest first, pick-list filters, refusals, CSV in the hospital zone, xlsx.
 */
@MedopsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsdeskListsIT {

    static final String PASSWORD = "Lists#Desk-2026x";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String tag;
    String engineerName;
    Api engineer;
    Api reviewer;

    /** 22 of each kind tagged with this run's suffix: 6 on LIS, the rest on HIS. */
    @BeforeAll
    void records() {
        tag = "ls" + UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        engineerName = "lseng" + tag;
        engineer = admin.newUser(engineerName, "工程师 列表", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser("lsrev" + tag, "信息科 列表", PASSWORD, "HOSPITAL_REVIEWER");
        String[] severities = {"CRITICAL", "MAJOR", "MINOR", "TRIVIAL"};
        String[] risks = {"LOW", "MEDIUM", "HIGH"};
        // TEST-environment changes on days of their own, far ahead, so no window or overlap rule interferes
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000) * 30L);
        for (int i = 0; i < 22; i++) {
            String system = i < 6 ? "LIS" : "HIS";
            Api.Response requirement = reviewer.post("/api/v1/opsdesk/requirements", """
                    {"title":"%s 需求 %02d","description":"报表按科室筛选","systemCode":"%s","submitter":"门诊部 李娜"}"""
                    .formatted(tag, i, system));
            assertThat(requirement.status()).as(requirement.body()).isEqualTo(201);
            if (i == 3) {
                long id = requirement.json().get("id").asLong();
                engineer.post("/api/v1/opsdesk/requirements/" + id + "/analysis", "{}");
                assertThat(engineer.post("/api/v1/opsdesk/requirements/" + id + "/reject",
                        "{\"reason\":\"超出合同范围\"}").status()).isEqualTo(200);
            }
            Api.Response defect = engineer.post("/api/v1/opsdesk/defects", """
                    {"title":"%s 缺陷 %02d","description":"打印错位","systemCode":"%s","severity":"%s",
                     "product":"HIS","productVersion":"5.2","ticketIds":[]}""".formatted(tag, i, system, severities[i % 4]));
            assertThat(defect.status()).as(defect.body()).isEqualTo(201);
            LocalDate on = day.plusDays(i);
            Api.Response change = engineer.post("/api/v1/opsdesk/changes", """
                    {"title":"%s 变更 %02d","systemCode":"%s","environment":"TEST","risk":"%s",
                     "plan":"1. 备份\\n2. 部署","rollbackPlan":"恢复备份","plannedStart":"%s","plannedEnd":"%s"}"""
                    .formatted(tag, i, system, risks[i % 3], on.atTime(14, 0).atZone(SHANGHAI).toInstant(),
                            on.atTime(16, 0).atZone(SHANGHAI).toInstant()));
            assertThat(change.status()).as(change.body()).isEqualTo(201);
        }
    }

    private JsonNode list(String kind, String query) {
        Api.Response answer = engineer.get("/api/v1/opsdesk/" + kind + "?q=" + tag + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get(name).asString()));
        return values;
    }

    /** What every list answers alike: pages with a total, both sort directions, refusals. */
    void pagesSortsAndRefuses(String kind) {
        JsonNode first = list(kind, "&sort=title,asc");
        JsonNode second = list(kind, "&sort=title,asc&page=1");
        assertThat(first.get("total").asLong()).isEqualTo(22);
        assertThat(first.get("rows")).hasSize(20);
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(first.get("sort").get("column").asString()).isEqualTo("title");
        assertThat(second.get("rows")).hasSize(2);
        assertThat(second.get("total").asLong()).isEqualTo(22);
        List<String> all = new ArrayList<>(field(first, "title"));
        all.addAll(field(second, "title"));
        assertThat(all).hasSize(22).doesNotHaveDuplicates().isSorted();
        assertThat(first.get("links").get("next").asString()).contains("page=1", "q=" + tag, "sort=title%2Casc");
        assertThat(second.get("links").path("next").isString()).as("no next page after the last").isFalse();
        assertThat(list(kind, "&size=50").get("rows")).hasSize(22);
        assertThat(field(list(kind, "&size=50&sort=title,desc"), "title")).isSortedAccordingTo(Comparator.reverseOrder());

        Api.Response column = engineer.get("/api/v1/opsdesk/" + kind + "?sort=description,asc");
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.json().get("code").asString()).isEqualTo("sort-invalid");
        Api.Response injection = engineer.get("/api/v1/opsdesk/" + kind + "?sort=id,desc;drop%20table%20users");
        assertThat(injection.status()).isEqualTo(400);
        Api.Response size = engineer.get("/api/v1/opsdesk/" + kind + "?size=500");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("code").asString()).isEqualTo("page-size-invalid");
        Api.Response format = engineer.get("/api/v1/opsdesk/" + kind + "?export=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("code").asString()).isEqualTo("export-format-invalid");
        assertThat(new Api(port).get("/api/v1/opsdesk/" + kind).status()).isEqualTo(401);
    }

    private long exports(String list) {
        return jdbc.sql("select count(*) from audit_records where action = :action and actor = :actor")
                .param("action", list + ".export").param("actor", engineerName).query(Long.class).single();
    }

    @Nested
    class Requirements {

        @Test
        void pagesSortsAndRefusesUnknownColumnsAndSizes() {
            pagesSortsAndRefuses("requirements");
        }

        @Test
        void filtersByStatusSystemAndTheAnsweringEngineer() {
            assertThat(list("requirements", "&system=LIS").get("total").asLong()).isEqualTo(6);
            assertThat(list("requirements", "&system=LIS").get("rows").get(0).get("systemName").asString())
                    .isEqualTo("LIS 检验信息系统");
            assertThat(list("requirements", "&status=REJECTED").get("total").asLong()).isEqualTo(1);
            assertThat(list("requirements", "&status=SUBMITTED&status=REJECTED").get("total").asLong()).isEqualTo(22);
            JsonNode answered = list("requirements", "&engineer=" + engineerName);
            assertThat(answered.get("total").asLong()).isEqualTo(1);
            assertThat(answered.get("rows").get(0).get("answeredByName").asString()).isEqualTo("工程师 列表");
            assertThat(field(list("requirements", "&size=50&sort=status,asc"), "status").get(21)).isEqualTo("REJECTED");
        }

        @Test
        void exportsTheFilteredRowsAsCsvWithChineseHeadersInTheHospitalZoneAndAsExcel() throws Exception {
            long before = exports("requirements");
            JsonNode lis = list("requirements", "&system=LIS&sort=title,asc");
            Api.Download csv = engineer.download("/api/v1/opsdesk/requirements?q=" + tag + "&system=LIS&sort=title,asc&export=csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<List<String>> rows = Exports.csv(csv.body());
            assertThat(rows.get(0)).containsExactly("编号", "标题", "系统", "提出人", "状态", "答复工程师", "人天", "截止日期", "提交时间");
            assertThat(rows).hasSize(1 + 6);
            assertThat(rows.get(1).get(1)).isEqualTo(tag + " 需求 00");
            assertThat(rows.get(1).get(2)).isEqualTo("LIS 检验信息系统");
            assertThat(rows.get(1).get(4)).isEqualTo("已提交");
            assertThat(rows.get(1).get(8)).isEqualTo(CSV_TIME.format(Instant.parse(
                    lis.get("rows").get(0).get("submittedAt").asString()).atZone(SHANGHAI))).endsWith("+08:00");
            assertThat(exports("requirements")).isEqualTo(before + 1);

            Api.Download xlsx = engineer.download("/api/v1/opsdesk/requirements?q=" + tag + "&status=REJECTED&export=xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.contentType()).contains("spreadsheetml");
            assertThat(Exports.xlsxText(xlsx.body())).contains("答复工程师", "已拒绝", tag + " 需求 03", "工程师 列表")
                    .doesNotContain(tag + " 需求 04");
            Api.Download english = engineer.download("/api/v1/opsdesk/requirements?q=" + tag + "&export=csv&lang=en");
            assertThat(Exports.csv(english.body()).get(0)).contains("Title", "Answered by").doesNotContain("标题");
        }
    }

    @Nested
    class Defects {

        @Test
        void pagesSortsAndRefusesUnknownColumnsAndSizes() {
            pagesSortsAndRefuses("defects");
        }

        @Test
        void sortsSeveritiesCriticalFirstAndFiltersBySeveritySystemAndReporter() {
            List<String> order = List.of("CRITICAL", "MAJOR", "MINOR", "TRIVIAL");
            List<String> ascending = field(list("defects", "&size=50&sort=severity,asc"), "severity");
            assertThat(ascending.get(0)).isEqualTo("CRITICAL");
            assertThat(ascending).isSortedAccordingTo(Comparator.comparing(order::indexOf));
            assertThat(field(list("defects", "&size=50&sort=severity,desc"), "severity").get(0)).isEqualTo("TRIVIAL");
            assertThat(list("defects", "&severity=CRITICAL").get("total").asLong()).isEqualTo(6);
            assertThat(list("defects", "&system=LIS").get("total").asLong()).isEqualTo(6);
            assertThat(list("defects", "&system=LIS&severity=CRITICAL").get("total").asLong()).isEqualTo(2);
            assertThat(list("defects", "&status=OPEN").get("total").asLong()).isEqualTo(22);
            assertThat(list("defects", "&status=CLOSED").get("total").asLong()).isZero();
            JsonNode mine = list("defects", "&reporter=" + engineerName);
            assertThat(mine.get("total").asLong()).isEqualTo(22);
            assertThat(mine.get("rows").get(0).get("reportedByName").asString()).isEqualTo("工程师 列表");
            assertThat(list("defects", "&reporter=nobody").get("total").asLong()).isZero();
        }

        @Test
        void exportsTheFilteredRowsAsCsvWithChineseHeadersInTheHospitalZoneAndAsExcel() throws Exception {
            long before = exports("defects");
            JsonNode critical = list("defects", "&severity=CRITICAL&sort=title,asc");
            Api.Download csv = engineer.download("/api/v1/opsdesk/defects?q=" + tag + "&severity=CRITICAL&sort=title,asc&export=csv");
            List<List<String>> rows = Exports.csv(csv.body());
            assertThat(rows.get(0)).containsExactly("编号", "标题", "系统", "严重程度", "产品", "发现版本", "状态", "修复版本", "报告人", "报告时间");
            assertThat(rows).hasSize(1 + 6);
            assertThat(rows.get(1)).contains(tag + " 缺陷 00", "致命", "待研发确认", "工程师 列表");
            assertThat(rows.get(1).get(9)).isEqualTo(CSV_TIME.format(Instant.parse(
                    critical.get("rows").get(0).get("reportedAt").asString()).atZone(SHANGHAI))).endsWith("+08:00");
            assertThat(exports("defects")).isEqualTo(before + 1);

            Api.Download xlsx = engineer.download("/api/v1/opsdesk/defects?q=" + tag + "&system=LIS&export=xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.contentType()).contains("spreadsheetml");
            assertThat(Exports.xlsxText(xlsx.body())).contains("严重程度", tag + " 缺陷 05").doesNotContain(tag + " 缺陷 06");
        }
    }

    @Nested
    class Changes {

        @Test
        void pagesSortsAndRefusesUnknownColumnsAndSizes() {
            pagesSortsAndRefuses("changes");
        }

        @Test
        void sortsRisksHighFirstAndFiltersByRiskSystemEnvironmentAndRequester() {
            List<String> order = List.of("HIGH", "MEDIUM", "LOW");
            List<String> ascending = field(list("changes", "&size=50&sort=risk,asc"), "risk");
            assertThat(ascending.get(0)).isEqualTo("HIGH");
            assertThat(ascending).isSortedAccordingTo(Comparator.comparing(order::indexOf));
            assertThat(list("changes", "&risk=HIGH").get("total").asLong()).isEqualTo(7);
            assertThat(list("changes", "&system=LIS").get("total").asLong()).isEqualTo(6);
            assertThat(list("changes", "&environment=TEST").get("total").asLong()).isEqualTo(22);
            assertThat(list("changes", "&environment=PRODUCTION").get("total").asLong()).isZero();
            assertThat(list("changes", "&status=REQUESTED&requester=" + engineerName).get("total").asLong()).isEqualTo(22);
            List<String> planned = field(list("changes", "&size=50"), "plannedStart");
            assertThat(planned).as("newest planned first by default").isSortedAccordingTo(Comparator.reverseOrder());
            Api.Response wrongRisk = engineer.get("/api/v1/opsdesk/changes?risk=SEVERE");
            assertThat(wrongRisk.status()).isEqualTo(400);
        }

        @Test
        void exportsTheFilteredRowsAsCsvWithChineseHeadersInTheHospitalZoneAndAsExcel() throws Exception {
            long before = exports("changes");
            JsonNode lis = list("changes", "&system=LIS&sort=title,asc");
            Api.Download csv = engineer.download("/api/v1/opsdesk/changes?q=" + URLEncoder.encode(tag,
                    StandardCharsets.UTF_8) + "&system=LIS&sort=title,asc&export=csv");
            assertThat(csv.status()).isEqualTo(200);
            List<List<String>> rows = Exports.csv(csv.body());
            assertThat(rows.get(0)).containsExactly("编号", "标题", "系统", "环境", "风险等级", "计划开始", "计划结束", "状态",
                    "执行结果", "申请人", "签字人");
            assertThat(rows).hasSize(1 + 6);
            assertThat(rows.get(1)).contains(tag + " 变更 00", "测试环境", "待授权", "工程师 列表");
            assertThat(rows.get(1).get(5)).isEqualTo(CSV_TIME.format(Instant.parse(
                    lis.get("rows").get(0).get("plannedStart").asString()).atZone(SHANGHAI))).endsWith("14:00:00+08:00");
            assertThat(exports("changes")).isEqualTo(before + 1);

            Api.Download xlsx = engineer.download("/api/v1/opsdesk/changes?q=" + tag + "&risk=HIGH&export=xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(Exports.xlsxText(xlsx.body())).contains("风险等级", tag + " 变更 02").doesNotContain(tag + " 变更 00");
        }
    }
}
