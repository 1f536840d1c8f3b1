package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's versions page and an upgrade's agreement: the page warns that a year passed without a new version
 * and shows the pending upgrade; the hospital agrees to the assessment and sends the plan back with a reason; the
 * engineer revises it; the hospital agrees; once the change completes the page shows the new version in use.
 */
@MedopsTest
class RecordsVersionsBrowserIT {

    static final String PASSWORD = "Records#Brw-2026";

    @LocalServerPort
    int port;

    @Test
    void theHospitalAgreesToAnUpgradesDocumentsOnTheConsoleAndTheVersionsPageFollows() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        String engineerName = "vb-eng" + suffix;
        String reviewerName = "vb-rev" + suffix;
        Api engineer = admin.newUser(engineerName, "厂商工程师 王磊", PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser(reviewerName, "信息科主任 林芳", PASSWORD, "HOSPITAL_REVIEWER");
        String base = "7.0." + suffix;
        String target = "7.1." + suffix;
        long baseId = VersionsUpgradesIT.created(engineer.post("/api/v1/records/versions",
                VersionsUpgradesIT.version("RIS", base, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(400))))
                .get("id").asLong();
        engineer.upload("/api/v1/records/versions/" + baseId + "/documents?kind=USER_MANUAL", "RIS-用户手册.txt",
                "RIS 用户手册".getBytes(StandardCharsets.UTF_8));
        Instant soon = Instant.now().plusSeconds(120);
        long changeId = VersionsUpgradesIT.created(engineer.post("/api/v1/opsdesk/changes",
                VersionsUpgradesIT.change("RIS " + target + " 升级", "RIS", soon, soon.plusSeconds(600)))).get("id").asLong();
        long id = VersionsUpgradesIT.created(engineer.post("/api/v1/records/upgrades",
                VersionsUpgradesIT.upgrade(changeId, target))).get("id").asLong();
        String upgradePage = "/records/upgrades/" + id;

        try (Browser browser = Browser.open(port)) {
            browser.login(reviewerName, PASSWORD).waitForPath("/");
            browser.click("#nav-records-versions");
            assertThat(browser.text("#version-overview")).contains("RIS");
            browser.go("/records/versions/systems/RIS");
            assertThat(browser.text("#cadence-warning")).contains("超过一年未更新版本");
            assertThat(browser.text("#current-version-number")).isEqualTo(base);
            assertThat(browser.text("#latest")).contains("新版本 " + target + " 待升级");
            assertThat(browser.text("#version-history")).contains(base, "用户手册：RIS-用户手册.txt");
            assertThat(browser.pageText()).as("registering is the vendor's").doesNotContain("登记版本");
            browser.screenshot("records-01-system-versions-overdue");

            browser.go(upgradePage);
            assertThat(browser.text("#agreement-rule")).contains("之前，变更不能授权");
            assertThat(browser.find("#assessment-signer").getAttribute("value")).isEqualTo("信息科主任 林芳");
            browser.click("#assessment-agree");
            assertThat(browser.text("#notice")).contains("已同意评估报告");
            assertThat(browser.text("#assessment-agreed")).contains("信息科主任 林芳");
            browser.click("#plan-send-back");
            assertThat(browser.text("#problem")).contains("原因");
            browser.type("#plan-reason", "测试方案缺少影像调阅的回归用例").click("#plan-send-back");
            assertThat(browser.text("#notice")).contains("升级方案已退回");
            assertThat(browser.text("#plan-state")).isEqualTo("已退回");
            assertThat(browser.text("#upgrade-history")).contains("院方同意", "院方退回", "测试方案缺少影像调阅");
            browser.screenshot("records-02-upgrade-plan-sent-back");
            browser.click("#logout").waitForPath("/login");

            browser.login(engineerName, PASSWORD).waitForPath("/");
            browser.go(upgradePage);
            assertThat(browser.findAll("#plan-agree")).as("agreeing is the hospital's").isEmpty();
            browser.find("#rev-tests").clear();
            browser.type("#rev-tests", "门诊挂号、医嘱回归；影像调阅与报告回传回归").screenshot("records-03-upgrade-plan-revise")
                    .click("#plan-revise-submit");
            assertThat(browser.text("#notice")).contains("已修订并重新提交");
            assertThat(browser.text("#plan-card")).contains("第 2 版", "影像调阅与报告回传");
            browser.click("#logout").waitForPath("/login");

            browser.login(reviewerName, PASSWORD).waitForPath("/");
            browser.go(upgradePage).click("#plan-agree");
            assertThat(browser.text("#notice")).contains("已同意升级方案");
            assertThat(browser.text("#upgrade-status")).isEqualTo("院方已同意");
            assertThat(browser.text("#agreement-rule")).contains("变更可以授权");
            browser.screenshot("records-04-upgrade-agreed");
            browser.go(upgradePage + "?lang=en");
            assertThat(browser.text("#upgrade-history")).contains("Agreed by the hospital", "Sent back by the hospital",
                    "Revised and resubmitted").doesNotContain("SENT_BACK", "REVISED");
            browser.screenshot("records-05-upgrade-agreed-en");

            // The change goes through; its completion puts the target version in use.
            VersionsUpgradesIT.ok(reviewer.post("/api/v1/opsdesk/changes/" + changeId + "/authorize",
                    "{\"signerName\":\"林芳\",\"statement\":\"同意\"}"));
            VersionsUpgradesIT.ok(engineer.post("/api/v1/opsdesk/changes/" + changeId + "/emergency",
                    "{\"reason\":\"测试环境提前部署\"}"));
            VersionsUpgradesIT.ok(reviewer.post("/api/v1/opsdesk/changes/" + changeId + "/emergency/approve", "{}"));
            VersionsUpgradesIT.ok(engineer.post("/api/v1/opsdesk/changes/" + changeId + "/start", "{}"));
            VersionsUpgradesIT.ok(engineer.post("/api/v1/opsdesk/changes/" + changeId + "/finish",
                    "{\"result\":\"SUCCESS\"}"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "INSTALLED".equals(
                    engineer.get("/api/v1/records/upgrades/" + id).json().get("status").asString()));
            browser.go("/records/versions/systems/RIS?lang=zh_CN");
            assertThat(browser.text("#current-version-number")).isEqualTo(target);
            assertThat(browser.text("#latest")).contains("已是最新版本");
            assertThat(browser.findAll("#cadence-warning")).isEmpty();
            assertThat(browser.text("#version-history")).contains(target, "#" + changeId, base);
            browser.screenshot("records-06-system-versions-upgraded");
            browser.go("/records/versions/systems/RIS?lang=en");
            assertThat(browser.text("#latest")).contains("On the latest version");
            browser.screenshot("records-07-system-versions-en");
        }
    }
}
