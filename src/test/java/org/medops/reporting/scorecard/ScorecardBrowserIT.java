package org.medops.reporting.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In the console, contract year 2018 (no other test scores it): the department reviewer drafts 2018-Q2 from the
 * recorded calls, strikes the duty deduction with a reason, finalises and signs; the summary and the milestones
 * follow, and the calls list shows where the deduction came from.
 */
@MedopsTest
class ScorecardBrowserIT {

    static final String PASSWORD = "Review#Card-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theReviewerStrikesADeductionAndFinalisesTheCard() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reviewer = admin.newUser("scb" + suffix, "信息科 赵敏", PASSWORD, "HOSPITAL_REVIEWER");
        assertThat(admin.post("/api/v1/reporting/contracts", """
                {"year":2018,"name":"PACS 运维服务合同","vendor":"示例影像公司","startsOn":"2018-01-01","endsOn":"2018-12-31",
                 "fee":360000,"milestones":[
                  {"name":"首期款","servicePercent":50,"sharePercent":50,"requiredRecords":"半年运维记录","finalPayment":false},
                  {"name":"尾款","dueOn":"2019-01-31","sharePercent":50,"requiredRecords":"年度报告、四个季度考核表","finalPayment":true}]}""")
                .status()).isEqualTo(201);
        for (String at : new String[]{"2018-04-10T14:00:00Z", "2018-05-02T13:30:00Z", "2018-06-20T15:10:00Z"}) {
            assertThat(reviewer.post("/api/v1/reporting/calls", """
                    {"calledAt":"%s","caller":"放射科 值班","department":"放射科","channel":"PHONE","answered":false,
                     "summary":"夜间 PACS 无法调阅，电话无人接听"}""".formatted(at)).status()).isEqualTo(201);
        }
        assertThat(reviewer.post("/api/v1/reporting/incidents", """
                {"occurredOn":"2018-05-03","kind":"COMPLAINT","department":"放射科","summary":"夜间电话无人接听，书面投诉"}""")
                .status()).isEqualTo(201);

        long extraction = reviewer.post("/api/v1/reporting/extractions", """
                {"requester":"医务科 陈","department":"医务科","subject":"各科室出院人数","dueOn":"2018-06-10"}""")
                .json().get("id").asLong();
        assertThat(reviewer.upload("/api/v1/reporting/extractions/" + extraction + "/delivery", "discharges.csv",
                "科室,人数\n心内科,128\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.login("scb" + suffix, PASSWORD).waitForPath("/");
            browser.go("/reporting/scorecards");
            browser.type("#draft-quarter", "2018-Q2").click("#draft-submit");
            assertThat(browser.text("#notice")).contains("草稿已生成");
            assertThat(browser.path()).startsWith("/reporting/scorecards/");
            assertThat(browser.text("#scorecard-status")).isEqualTo("草稿");
            assertThat(browser.text("#item-DUTY")).contains("值班：3 次未接听 → 3 分");
            assertThat(browser.text("#item-ATTITUDE")).contains("放射科 投诉");
            assertThat(browser.text("#scorecard-total")).isEqualTo("93");
            assertThat(browser.text("#scorecard-max-differs")).contains("97").contains("100");
            browser.scrollTo("#item-BACKUP").screenshot("scorecard-draft");

            long duty = jdbc.sql("""
                    select d.id from reporting_deductions d join reporting_scorecards s on s.id = d.scorecard_id
                    where s.quarter = '2018-Q2' and d.rule = 'UNANSWERED_CALL'""").query(Long.class).single();
            String row = "#deduction-" + duty;
            browser.type(row + " .strike-reason", "值班电话线路故障，经电信公司证明").click(row + " .strike-button");
            assertThat(browser.text("#notice")).contains("已撤销");
            assertThat(browser.text(row + " .deduction-struck")).contains("信息科 赵敏").contains("值班电话线路故障");
            assertThat(browser.findAll(row + " .strike-button")).isEmpty();
            assertThat(browser.text("#item-DUTY .item-score")).isEqualTo("10");
            assertThat(browser.text("#scorecard-total")).isEqualTo("96");
            browser.scrollTo("#item-BACKUP").screenshot("scorecard-struck");

            browser.type("#signer-name", "赵敏").click("#finalize-submit");
            assertThat(browser.text("#notice")).contains("已定稿");
            assertThat(browser.text("#scorecard-status")).isEqualTo("已定稿");
            assertThat(browser.text("#scorecard-hash")).matches("[0-9a-f]{64}");
            assertThat(browser.text("#scorecard-signed")).contains("赵敏");
            assertThat(browser.findAll("#finalize-form")).isEmpty();
            assertThat(browser.findAll(".strike-button")).isEmpty();
            browser.screenshot("scorecard-final");

            browser.go("/reporting/summary?contractYear=2018");
            assertThat(browser.text("#summary-average")).isEqualTo("96");
            assertThat(browser.text("#summary-percent")).isEqualTo("100%");
            assertThat(browser.text("#summary-2018-Q1")).contains("未考核");
            assertThat(browser.text("#summary-2018-Q2")).contains("已定稿").contains("合格");
            browser.screenshot("scorecard-summary");

            browser.go("/reporting/milestones?contractYear=2018");
            assertThat(browser.text("#milestones-note")).contains("100%");
            assertThat(browser.pageText()).contains("尾款").contains("180,000.00");
            browser.screenshot("scorecard-milestones");

            browser.go("/reporting/calls?from=2018-04-01&to=2018-06-30");
            assertThat(browser.findAll("#calls tbody tr")).hasSize(3);
            assertThat(browser.text("#calls")).contains("未接听").contains("院方登记");
            browser.screenshot("reporting-calls");

            java.nio.file.Path evidence = java.nio.file.Files.createTempFile("complaint", ".txt");
            java.nio.file.Files.writeString(evidence, "检验科书面投诉：工程师态度生硬");
            browser.go("/reporting/incidents");
            browser.set("#incident-on", "2018-12-03").set("#incident-kind", "ATTITUDE")
                    .type("#incident-dept", "检验科").type("#incident-summary", "工程师现场处理时态度生硬");
            browser.find("#incident-file").sendKeys(evidence.toAbsolutePath().toString());
            browser.click("#incident-submit");
            assertThat(browser.text("#notice")).contains("已保存");
            assertThat(browser.text("#incidents")).contains("服务态度不端正").contains("查看证据");
            browser.screenshot("reporting-incidents");

            for (String page : new String[]{"calls", "visits", "trainings", "incidents", "extractions", "scorecards",
                    "summary", "milestones"}) {
                for (String lang : new String[]{"zh_CN", "en"}) {
                    browser.go("/reporting/" + page + "?lang=" + lang);
                    assertThat(browser.findAll("#problem")).as(page).isEmpty();
                    assertThat(browser.pageText()).as(page + " " + lang).doesNotContain("??").doesNotContain("Exception");
                }
            }
            browser.go("/reporting/extractions?lang=zh_CN");
            browser.screenshot("reporting-extractions");

            browser.go("/reporting/scorecards/" + jdbc.sql("select id from reporting_scorecards where quarter = '2018-Q2'")
                    .query(Long.class).single() + "?lang=en");
            assertThat(browser.text("#scorecard-status")).isEqualTo("Final");
            assertThat(browser.pageText()).contains("Struck by").containsIgnoringCase("deductions");
            browser.screenshot("scorecard-final-en");
        }
    }
}
