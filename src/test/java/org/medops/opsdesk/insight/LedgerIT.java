package org.medops.opsdesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The issue ledger lists tickets, requirements and defects together, for those allowed to read it. */
@MedopsTest
class LedgerIT {

    @LocalServerPort
    int port;

    @Test
    void oneRegisterOfTicketsRequirementsAndDefectsWithItsExport() {
        String tag = "台账" + UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api staff = admin.newUser("staff" + tag.hashCode(), "门诊部 李娜", "Staff#Desk-2026", "HOSPITAL_STAFF");
        Api engineer = admin.newUser("eng" + tag.hashCode(), "工程师 张伟", "Eng#Desk-2026x", "OPS_ENGINEER");

        Api.Response ticket = staff.post("/api/v1/opsdesk/tickets", """
                {"title":"%s 挂号机卡纸","phenomenon":"自助挂号机频繁卡纸","occurredAt":"%s","impactScope":"门诊大厅",
                 "systems":["HIS"],"category":"HARDWARE","reporter":"李娜","contact":"8001","source":"WECHAT",
                 "priority":"LOW"}""".formatted(tag, Instant.now().minusSeconds(60)));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        Api.Response requirement = staff.post("/api/v1/opsdesk/requirements", """
                {"title":"%s 报表增加科室筛选","description":"门诊量报表需要按科室筛选","systemCode":"HIS","submitter":"李娜"}"""
                .formatted(tag));
        assertThat(requirement.status()).as(requirement.body()).isEqualTo(201);
        Api.Response defect = engineer.post("/api/v1/opsdesk/defects", """
                {"title":"%s 打印模板错位","description":"发票打印错位","systemCode":"HIS","severity":"MINOR",
                 "product":"HIS","productVersion":"5.2","ticketIds":[%d]}""".formatted(tag, ticket.json().get("id").asLong()));
        assertThat(defect.status()).as(defect.body()).isEqualTo(201);

        JsonNode entries = staff.get("/api/v1/opsdesk/ledger?q=" + java.net.URLEncoder.encode(tag,
                java.nio.charset.StandardCharsets.UTF_8)).json().get("rows");
        assertThat(entries.findValuesAsString("kind")).containsExactlyInAnyOrder("TICKET", "REQUIREMENT", "DEFECT");
        assertThat(entries.findValuesAsString("reference")).anyMatch(r -> r.startsWith("GD-"))
                .anyMatch(r -> r.startsWith("XQ-")).anyMatch(r -> r.startsWith("QX-"));
        assertThat(entries.findValues("open").stream().allMatch(JsonNode::asBoolean)).isTrue();
        assertThat(staff.get("/api/v1/opsdesk/ledger?kind=DEFECT&q=" + java.net.URLEncoder.encode(tag,
                java.nio.charset.StandardCharsets.UTF_8)).json().get("rows")).hasSize(1);
        assertThat(engineer.get("/api/v1/opsdesk/ledger").status()).as("the ledger is for designated staff").isEqualTo(403);

        try (Browser browser = Browser.open(port)) {
            browser.login("staff" + tag.hashCode(), "Staff#Desk-2026").go("/opsdesk/ledger?q=" + tag);
            assertThat(browser.text("#ledger")).contains(tag + " 挂号机卡纸", tag + " 报表增加科室筛选", tag + " 打印模板错位");
            browser.screenshot("88-issue-ledger");
        }
        Api.Download xlsx = staff.download("/api/v1/opsdesk/ledger/export.xlsx?kind=TICKET");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(engineer.download("/api/v1/opsdesk/ledger/export.xlsx").status()).isEqualTo(403);
    }

    @Test
    void theLedgerPagesSortsFiltersByPickListRefusesUnknownColumnsAndExportsCsvInTheHospitalZone() {
        String tag = "lg" + UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api staff = admin.newUser("lstaff" + tag, "门诊部 李娜", "Staff#Desk-2026", "HOSPITAL_STAFF");
        for (int i = 0; i < 22; i++) {
            assertThat(staff.post("/api/v1/opsdesk/tickets", """
                    {"title":"%s 第 %02d 号","phenomenon":"自助机卡纸","occurredAt":"%s","impactScope":"门诊大厅",
                     "systems":["%s"],"category":"HARDWARE","reporter":"李娜","contact":"8001","source":"WECHAT",
                     "priority":"LOW"}""".formatted(tag, i, Instant.now().minusSeconds(60), i < 4 ? "LIS" : "HIS"))
                    .status()).isEqualTo(201);
        }
        JsonNode first = staff.get("/api/v1/opsdesk/ledger?q=" + tag + "&sort=title,asc").json();
        JsonNode second = staff.get("/api/v1/opsdesk/ledger?q=" + tag + "&sort=title,asc&page=1").json();
        assertThat(first.get("total").asLong()).isEqualTo(22);
        assertThat(first.get("rows")).hasSize(20);
        assertThat(first.get("rows").get(0).get("title").asString()).isEqualTo(tag + " 第 00 号");
        assertThat(second.get("rows")).hasSize(2);
        assertThat(second.get("rows").get(1).get("title").asString()).isEqualTo(tag + " 第 21 号");
        JsonNode descending = staff.get("/api/v1/opsdesk/ledger?q=" + tag + "&sort=title,desc&size=50").json();
        assertThat(descending.get("rows").get(0).get("title").asString()).isEqualTo(tag + " 第 21 号");

        JsonNode lis = staff.get("/api/v1/opsdesk/ledger?q=" + tag + "&system=LIS").json();
        assertThat(lis.get("total").asLong()).isEqualTo(4);
        Api.Response bad = staff.get("/api/v1/opsdesk/ledger?sort=haystack,asc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("sort-invalid");

        Api.Download csv = staff.download("/api/v1/opsdesk/ledger/export.csv?q=" + tag + "&system=LIS&sort=title,asc");
        assertThat(csv.status()).isEqualTo(200);
        java.util.List<java.util.List<String>> rows = org.medops.testing.Exports.csv(csv.body());
        assertThat(rows.get(0)).startsWith("类型", "编号", "标题", "系统", "状态", "登记时间");
        assertThat(rows).hasSize(1 + 4);
        assertThat(rows.get(1).get(2)).isEqualTo(tag + " 第 00 号");
        String opened = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX").format(Instant.parse(
                lis.get("rows").get(lis.get("rows").size() - 1).get("openedAt").asString()).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(rows.get(1).get(5)).isEqualTo(opened).endsWith("+08:00");

        try (Browser browser = Browser.open(port)) {
            browser.login("lstaff" + tag, "Staff#Desk-2026").go("/opsdesk/ledger?q=" + tag + "&sort=nothing,asc");
            assertThat(browser.text("#problem")).contains("nothing");
            browser.go("/opsdesk/ledger?q=" + tag);
            assertThat(browser.text(".list-rows")).isEqualTo("第 1–20 条，共 22 条");
            browser.click(".list-pager a[data-page='1']");
            assertThat(browser.text(".list-rows")).isEqualTo("第 21–22 条，共 22 条");
        }
    }
}
