package org.medops.reporting.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.ConsoleSession.encode;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The contracts page over real HTTP, in contract years 2013 and 2014 (no other test uses them): everyone who reads
 * reporting sees a year's items, bands and milestones; the system administrator sets up the next year by copying
 * one, with fixed milestone dates moved a year on, and changes the items' points; bad forms come back readable.
 */
@MedopsTest
class ContractsPageIT {

    static final String PASSWORD = "Contract#Page-2026";

    @LocalServerPort
    int port;

    @Test
    void copiesAYearIntoTheNextAndAdjustsItsPoints() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api.Response created = admin.post("/api/v1/reporting/contracts", """
                {"year":2013,"name":"HIS 运维服务合同","vendor":"示例公司","startsOn":"2013-01-01","endsOn":"2013-12-31",
                 "fee":500000,"milestones":[
                  {"name":"首期款","servicePercent":50,"sharePercent":60,"requiredRecords":"半年运维记录","finalPayment":false},
                  {"name":"尾款","dueOn":"2014-01-31","sharePercent":40,"requiredRecords":"验收报告、考核表","finalPayment":true}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id2013 = created.json().get("contract").get("id").asLong();

        ConsoleSession console = new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD);
        HttpResponse<String> page = console.get("/reporting/contracts?contractYear=2013");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("数据备份与恢复", "倒扣分", "付款节点（2 个）", "id=\"contract-new\"")
                .containsPattern("id=\"contract-max\"[^>]*>97<");

        HttpResponse<String> copied = console.post("/reporting/contracts", "year=2014&name=" + encode("HIS 运维服务合同")
                + "&vendor=" + encode("示例公司") + "&fee=520000&startsOn=2014-01-01&endsOn=2014-12-31"
                + "&bandBasis=AS_SCORED&copyFrom=" + id2013, "/reporting/contracts");
        assertThat(copied.uri().getQuery()).isEqualTo("contractYear=2014");
        assertThat(copied.body()).contains("服务合同已创建。");
        JsonNode year2014 = contract(admin, 2014);
        assertThat(year2014.get("contract").get("items")).hasSize(10);
        assertThat(year2014.get("milestones")).hasSize(2);
        assertThat(year2014.get("milestones").get(1).get("dueOn").asString()).isEqualTo("2015-01-31");
        assertThat(year2014.get("milestones").get(0).get("servicePercent").asInt()).isEqualTo(50);

        long id2014 = year2014.get("contract").get("id").asLong();
        HttpResponse<String> saved = console.post("/reporting/contracts/" + id2014 + "/items",
                "points.SUPPORT=15&bandBasis=SCALED_TO_100", "/reporting/contracts?contractYear=2014");
        assertThat(saved.body()).contains("考核项已保存。");
        JsonNode adjusted = contract(admin, 2014);
        assertThat(adjusted.get("maxTotal").asInt()).isEqualTo(100);
        assertThat(adjusted.get("contract").get("bandBasis").asString()).isEqualTo("SCALED_TO_100");
        assertThat(contract(admin, 2013).get("maxTotal").asInt()).as("the copied year is its own").isEqualTo(97);

        HttpResponse<String> taken = console.post("/reporting/contracts", "year=2014&name=x&vendor=y&fee=1"
                + "&startsOn=2014-01-01&endsOn=2014-12-31&bandBasis=AS_SCORED&copyFrom=", "/reporting/contracts");
        assertThat(taken.body()).contains("2014 年度已有服务合同。");
        HttpResponse<String> blank = console.post("/reporting/contracts", "year=2016&name=&vendor=y&fee=abc"
                + "&startsOn=2016-01-01&endsOn=2016-12-31&bandBasis=AS_SCORED&copyFrom=", "/reporting/contracts");
        assertThat(blank.body()).contains("数字格式不正确：abc");
        HttpResponse<String> unnamed = console.post("/reporting/contracts", "year=2016&name=&vendor=y&fee=1"
                + "&startsOn=2016-01-01&endsOn=2016-12-31&bandBasis=AS_SCORED&copyFrom=", "/reporting/contracts");
        assertThat(ConsoleSession.violations(unnamed)).contains("名称");
        HttpResponse<String> badPoints = console.post("/reporting/contracts/" + id2014 + "/items",
                "points.SUPPORT=many", "/reporting/contracts?contractYear=2014");
        assertThat(badPoints.body()).contains("数字格式不正确：many");
        assertThat(console.get("/reporting/contracts?contractYear=1999").statusCode()).isEqualTo(404);
    }

    @Test
    void theHospitalReadsTheContractButCannotChangeIt() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String reviewer = "ct-rev" + UUID.randomUUID().toString().substring(0, 6);
        admin.newUser(reviewer, "信息科 合同", PASSWORD, "HOSPITAL_REVIEWER");
        ConsoleSession console = new ConsoleSession(port).login(reviewer, PASSWORD);
        HttpResponse<String> page = console.get("/reporting/contracts");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"contract-new\"", "id=\"items-save\"");
        HttpResponse<String> refused = console.post("/reporting/contracts", "year=2015&name=x&vendor=y&fee=1"
                + "&startsOn=2015-01-01&endsOn=2015-12-31", "/reporting/contracts");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/reporting/contracts").body()).doesNotContain("\"year\":2015");
    }

    private static JsonNode contract(Api admin, int year) {
        for (JsonNode c : admin.get("/api/v1/reporting/contracts").json()) {
            if (c.get("year").asInt() == year) {
                return admin.get("/api/v1/reporting/contracts/" + c.get("id").asLong()).json();
            }
        }
        throw new AssertionError("no contract of " + year);
    }
}
