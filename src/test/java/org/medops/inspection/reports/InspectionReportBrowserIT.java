package org.medops.inspection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In the console: the engineer reads a round's report from the register, writes the remarks and saves; the
 * information department's reviewer signs it, after which it shows as frozen with its SHA-256 and offers no form.
 * Then a schedule is added and shows its next occurrences, and the year's plan is read.
 */
@MedopsTest
class InspectionReportBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theEngineerWritesRemarksAndTheReviewerSigns() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.newUser("sign" + suffix, "信息科 赵敏", "Info#Sign-2026", "HOSPITAL_REVIEWER");
        RoundFixture fixture = new RoundFixture(jdbc);
        String host = "emr-app-" + suffix;
        fixture.target(host, "电子病历应用服务器");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        long round = fixture.round("QUARTERLY", "MANUAL", null, at, false);
        fixture.item(round, host, "PARTITION_USAGE", "FAIL", "/data 96%", "< 95%", "$ df -h", at);
        fixture.item(round, host, "SERVICES_UP", "PASS", "emr: active", "active", "$ systemctl is-active emr", at);
        fixture.item(round, host, "ERROR_LOG", "WARN", "3 new ERROR lines", "0", "ERROR ... timeout", at);

        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/inspection/reports").click("#report-row-" + round + " a");
            assertThat(browser.path()).isEqualTo("/inspection/rounds/" + round + "/report");
            assertThat(browser.text("#report-state")).contains("尚未保存");
            assertThat(browser.findAll(".report-finding")).hasSize(2);
            assertThat(browser.text("#report-items")).contains("分区使用率").contains("异常");
            assertThat(browser.findAll("#report-sign-form")).as("the engineer cannot sign").isEmpty();
            browser.type("#report-remarks", "整体运行正常；/data 分区需扩容，错误日志已转工单跟踪。");
            browser.screenshot("inspection-report-engineer");
            browser.click("#report-save");
            assertThat(browser.text("#notice")).contains("已保存");
            assertThat(browser.find("#report-remarks").getAttribute("value")).contains("/data 分区需扩容");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login("sign" + suffix, "Info#Sign-2026").waitForPath("/");
            browser.go("/inspection/rounds/" + round + "/report");
            assertThat(browser.findAll("#report-save")).as("the reviewer cannot edit").isEmpty();
            browser.type("#sign-name", "赵敏").type("#sign-statement", "已核对，同意。");
            browser.click("#report-sign");
            assertThat(browser.text("#notice")).contains("已签署");
            assertThat(browser.text("#signed-name")).isEqualTo("赵敏");
            String hash = browser.text("#report-hash");
            assertThat(hash).matches("[0-9a-f]{64}");
            assertThat(browser.text("#report-state")).contains("赵敏").contains(hash);
            assertThat(browser.findAll("#report-sign-form")).isEmpty();
            assertThat(browser.findAll("#report-hash-broken")).isEmpty();
            browser.screenshot("inspection-report-signed-page");
            browser.go("/inspection/rounds/" + round + "/report/print");
            assertThat(browser.text("#report-sheet")).contains("巡检报告").contains(hash);
            browser.screenshot("inspection-report-print");
            browser.go("/inspection/reports?state=signed");
            assertThat(browser.text("#report-row-" + round)).contains("赵敏");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/inspection/schedules");
            String name = "节前数据库检查 " + suffix;
            browser.type("#schedule-name", name).set("#schedule-template", "DATABASE").type("#schedule-cron", "0 9 1 1,4,7,10 *");
            browser.tick("#schedule-eves");
            browser.click("#schedule-save");
            assertThat(browser.text("#notice")).contains("已保存");
            assertThat(browser.pageText()).contains(name).contains("劳动节");
            browser.screenshot("inspection-schedules");
            browser.go("/inspection/plan");
            assertThat(browser.pageText()).contains(name);
            browser.screenshot("inspection-plan");
            browser.go("/inspection/history/" + host + "?lang=en");
            assertThat(browser.pageText()).contains("Partition usage");
            browser.screenshot("inspection-history-en");
        }
    }
}
