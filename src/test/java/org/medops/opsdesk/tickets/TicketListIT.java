package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The ticket list contract over the API and the export: paging, sorting, pick-list filters, refusals, CSV/xlsx. */
@MedopsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketListIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api engineer;
    String suffix;
    final List<Long> ids = new ArrayList<>();

    /** 25 tickets of this run: 16 HIS, 9 LIS, priorities cycling, one accepted by the engineer. */
    @BeforeAll
    void tickets() {
        suffix = "l" + UUID.randomUUID().toString().substring(0, 6);
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reporter = admin.newUser("lnurse" + suffix, "门诊护士 刘芳", "Nurse#Desk-2026", "HOSPITAL_REVIEWER");
        engineer = admin.newUser("leng" + suffix, "工程师 李明", "Eng#Desk-2026x", "OPS_ENGINEER");
        String[] priorities = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
        for (int i = 0; i < 25; i++) {
            Api.Response created = reporter.post("/api/v1/opsdesk/tickets", """
                    {"title":"列表 %s 第 %02d 号","phenomenon":"收费窗口打印超时","occurredAt":"%s",
                     "impactScope":"门诊一楼","systems":["%s"],"category":"SOFTWARE","steps":"1. 结算",
                     "reporter":"刘芳","contact":"分机 8123","source":"PHONE","priority":"%s"}"""
                    .formatted(suffix, i, Instant.now().minusSeconds(600), i % 3 == 2 ? "LIS" : "HIS", priorities[i % 4]));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.json().get("id").asLong());
        }
        assertThat(engineer.post("/api/v1/opsdesk/tickets/" + ids.get(3) + "/accept", "{}").status()).isEqualTo(200);
    }

    private JsonNode list(String query) {
        Api.Response answer = engineer.get("/api/v1/opsdesk/tickets?q=" + suffix + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get(name).asString()));
        return values;
    }

    @Test
    void pageTwoShowsTheNextRowsAndTheTotalCountsEveryPage() {
        JsonNode first = list("&size=20");
        JsonNode second = list("&size=20&page=1");
        assertThat(first.get("total").asLong()).isEqualTo(25);
        assertThat(first.get("rows")).hasSize(20);
        assertThat(second.get("rows")).hasSize(5);
        assertThat(second.get("total").asLong()).isEqualTo(25);
        List<String> all = new ArrayList<>(field(first, "number"));
        all.addAll(field(second, "number"));
        assertThat(all).doesNotHaveDuplicates().hasSize(25);
        assertThat(first.get("links").get("next").asString()).contains("page=1", "q=" + suffix, "sort=reportedAt%2Cdesc");
        assertThat(second.get("links").path("next").isString()).as("no next page after the last").isFalse();
        assertThat(list("&size=50").get("rows")).hasSize(25);
    }

    @Test
    void sortsByAColumnBothWaysWithPrioritiesCriticalFirst() {
        List<String> ascending = field(list("&size=50&sort=priority,asc"), "priority");
        assertThat(ascending.get(0)).isEqualTo("CRITICAL");
        assertThat(ascending.get(24)).isEqualTo("LOW");
        assertThat(ascending).isSortedAccordingTo(Comparator.comparing(p -> List.of("CRITICAL", "HIGH", "MEDIUM", "LOW").indexOf(p)));
        List<String> descending = field(list("&size=50&sort=priority,desc"), "priority");
        assertThat(descending.get(0)).isEqualTo("LOW");
        assertThat(descending.get(24)).isEqualTo("CRITICAL");

        List<String> numbers = field(list("&size=50&sort=number,asc"), "number");
        assertThat(numbers).isSorted();
        assertThat(field(list("&size=50&sort=number,desc"), "number")).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void filtersByPickListValuesAndTheAssigneeShortcuts() {
        JsonNode lis = list("&system=LIS");
        assertThat(lis.get("total").asLong()).isEqualTo(8);
        lis.get("rows").forEach(row -> assertThat(row.get("systems").toString()).contains("LIS"));
        assertThat(list("&system=HIS").get("total").asLong()).isEqualTo(17);
        assertThat(list("&priority=CRITICAL").get("total").asLong()).isEqualTo(7);
        assertThat(list("&status=NEW&status=ACCEPTED").get("total").asLong()).isEqualTo(25);
        assertThat(list("&status=ACCEPTED").get("total").asLong()).isEqualTo(1);
        assertThat(list("&open=true").get("total").asLong()).isEqualTo(25);
        assertThat(list("&status=CLOSED").get("total").asLong()).isZero();

        JsonNode mine = list("&assignee=me");
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("rows").get(0).get("assigneeName").asString()).isEqualTo("工程师 李明");
        assertThat(list("&assignee=leng" + suffix).get("total").asLong()).isEqualTo(1);
        assertThat(list("&assignee=none").get("total").asLong()).isEqualTo(24);
        assertThat(list("&risk=P365D").get("total").asLong()).as("every open ticket has a clock due within a year")
                .isEqualTo(25);
        assertThat(list("&risk=PT1S").get("total").asLong()).isZero();
        assertThat(list("&waiting=P1D").get("total").asLong()).isZero();
        String today = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(list("&from=" + today + "&to=" + today).get("total").asLong()).isEqualTo(25);
        assertThat(list("&to=2020-01-01").get("total").asLong()).isZero();
    }

    @Test
    void refusesASortColumnNotOfferedAndASizeOverTheMaximum() {
        Api.Response column = engineer.get("/api/v1/opsdesk/tickets?sort=phenomenon,asc");
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.json().get("code").asString()).isEqualTo("sort-invalid");
        Api.Response injection = engineer.get("/api/v1/opsdesk/tickets?sort=reportedAt,desc;drop%20table%20tickets");
        assertThat(injection.status()).isEqualTo(400);
        Api.Response size = engineer.get("/api/v1/opsdesk/tickets?size=500");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("code").asString()).isEqualTo("page-size-invalid");
        Api.Response format = engineer.get("/api/v1/opsdesk/tickets?export=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("code").asString()).isEqualTo("export-format-invalid");
    }

    @Test
    void exportsExactlyTheFilteredRowsAsCsvInTheHospitalZoneWithChineseHeaders() {
        JsonNode lis = list("&system=LIS&size=50&sort=number,asc");
        Api.Download csv = engineer.download("/api/v1/opsdesk/tickets?q=" + suffix + "&system=LIS&sort=number,asc&export=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", ".csv");
        List<List<String>> rows = Exports.csv(csv.body());
        assertThat(rows.get(0)).startsWith("工单号", "标题", "系统", "优先级", "状态", "负责工程师", "报修方式", "报告时间");
        assertThat(rows).hasSize(1 + 8);
        JsonNode firstRow = lis.get("rows").get(0);
        assertThat(rows.get(1).get(0)).isEqualTo(firstRow.get("number").asString());
        String reported = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX")
                .format(Instant.parse(firstRow.get("reportedAt").asString()).atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(rows.get(1).get(7)).isEqualTo(reported).endsWith("+08:00");
        assertThat(rows.get(1).get(3)).isIn("紧急", "高", "中", "低");
        assertThat(rows.get(1).get(4)).isEqualTo("待受理");

        Api.Download english = engineer.download("/api/v1/opsdesk/tickets?q=" + suffix + "&export=csv&lang=en");
        assertThat(Exports.csv(english.body()).get(0)).contains("Title", "Priority").doesNotContain("标题");

        assertThat(jdbc.sql("select count(*) from audit_records where action = 'tickets.export' and actor = :actor")
                .param("actor", "leng" + suffix).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void exportsTheSameRowsAsAnExcelWorkbook() throws Exception {
        Api.Download xlsx = engineer.download("/api/v1/opsdesk/tickets?q=" + suffix + "&priority=CRITICAL&export=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        String sheet = Exports.xlsxText(xlsx.body());
        assertThat(sheet).contains("工单号", "报告时间", "紧急", "列表 " + suffix + " 第 00 号", "列表 " + suffix + " 第 24 号")
                .doesNotContain("列表 " + suffix + " 第 01 号");
    }
}
