package org.medops.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Service reports bound to a service contract: the contract year runs on the contract's own dates (15 March to
 * 14 March), a quarter of it is the calendar quarter cut to them, the report carries the contract's name and both
 * parties (the Word text read back), its suggestions are its own, and the console offers the contract's periods.
 */
@MedopsTest
class ContractReportsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aContractYearAndItsQuartersRunOnTheContractsDatesAndCarryItsNameAndParties() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api reviewer = admin.newUser("crr" + suffix, "信息科 考评", "Review#Contract-2026", "HOSPITAL_REVIEWER");
        int year = 2040 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 50);
        jdbc.sql("delete from reporting_contracts where year = :y").param("y", year).update();
        String name = "PACS 运维服务合同 " + suffix;
        Api.Response created = admin.post("/api/v1/reporting/contracts", """
                {"year":%d,"name":"%s","vendor":"示例影像公司","startsOn":"%d-03-15","endsOn":"%d-03-14","fee":600000,
                 "milestones":[{"name":"全款","servicePercent":100,"sharePercent":100,"requiredRecords":"年度报告","finalPayment":true}]}"""
                .formatted(year, name, year, year + 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode whole = reviewer.get("/api/v1/reports/service?contractYear=" + year).json();
        assertThat(whole.get("period").asString()).isEqualTo("C" + year);
        assertThat(whole.get("kind").asString()).isEqualTo("YEAR");
        assertThat(whole.get("first").asString()).isEqualTo(year + "-03-15");
        assertThat(whole.get("last").asString()).isEqualTo((year + 1) + "-03-14");
        assertThat(whole.get("contract").get("name").asString()).isEqualTo(name);
        assertThat(whole.get("contract").get("vendor").asString()).isEqualTo("示例影像公司");
        assertThat(whole.get("contract").get("hospital").asString()).isNotBlank();
        // The calendar quarters the contract touches, the first and last cut to its dates.
        assertThat(whole.get("quarters")).extracting(q -> q.get("period").asString()).containsExactly(
                "C" + year + ":" + year + "-Q1", "C" + year + ":" + year + "-Q2", "C" + year + ":" + year + "-Q3",
                "C" + year + ":" + year + "-Q4", "C" + year + ":" + (year + 1) + "-Q1");

        JsonNode first = reviewer.get("/api/v1/reports/service?contractYear=" + year + "&period=" + year + "-Q1").json();
        assertThat(first.get("period").asString()).isEqualTo("C" + year + ":" + year + "-Q1");
        assertThat(first.get("first").asString()).isEqualTo(year + "-03-15");
        assertThat(first.get("last").asString()).isEqualTo(year + "-03-31");
        JsonNode last = reviewer.get("/api/v1/reports/service?period=C" + year + ":" + (year + 1) + "-Q1").json();
        assertThat(last.get("first").asString()).isEqualTo((year + 1) + "-01-01");
        assertThat(last.get("last").asString()).isEqualTo((year + 1) + "-03-14");
        assertThat(last.get("contract").get("year").asInt()).isEqualTo(year);
        // The calendar quarter is still its own report, without the contract.
        JsonNode calendar = reviewer.get("/api/v1/reports/service?period=" + year + "-Q1").json();
        assertThat(calendar.get("first").asString()).isEqualTo(year + "-01-01");
        assertThat(calendar.hasNonNull("contract")).isFalse();

        Api.Response outside = reviewer.get("/api/v1/reports/service?contractYear=" + year + "&period=" + (year + 1) + "-Q2");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("code").asString()).isEqualTo("report-period-outside-contract");
        assertThat(outside.json().get("detail").asString()).contains(year + "-03-15");
        jdbc.sql("delete from reporting_contracts where year = 2099").update();
        Api.Response unknown = reviewer.get("/api/v1/reports/service?contractYear=2099");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("problem+json");
        assertThat(reviewer.get("/api/v1/reports/service?period=C" + year + ":" + year + "-Q9").status()).isEqualTo(400);

        // The contract quarter's suggestions are its own, not the calendar quarter's.
        String period = "C" + year + ":" + year + "-Q2";
        Api.Response saved = reviewer.put("/api/v1/reports/service/suggestions?contractYear=" + year + "&period=" + year
                + "-Q2", "{\"text\":\"建议合同期内增加 PACS 存储巡检。\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(reviewer.get("/api/v1/reports/service?period=" + period).json().get("suggestions").get("text").asString())
                .isEqualTo("建议合同期内增加 PACS 存储巡检。");
        assertThat(reviewer.get("/api/v1/reports/service?period=" + year + "-Q2").json().get("suggestions").get("text")
                .asString()).isEmpty();

        Api.Download docx = reviewer.download("/api/v1/reports/service/docx?contractYear=" + year);
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.header("Content-Disposition")).contains("medops-service-report-C" + year + ".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains(name + " " + year + " 合同年度运维服务报告", "服务合同：" + name, "乙方：示例影像公司",
                    "甲方：", year + "-03-15", (year + 1) + "-03-14");
        }

        // The console offers the contract's periods and shows the contract on the report.
        ConsoleSession console = new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD);
        HttpResponse<String> page = console.get("/reporting/service-report?period=C" + year);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name, "乙方：示例影像公司", "按服务合同").contains(
                "<option value=\"C" + year + "\" selected=\"selected\">" + name + "：" + year + " 合同年度</option>");
    }
}
