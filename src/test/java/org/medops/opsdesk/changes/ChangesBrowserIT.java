package org.medops.opsdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's emergency change: the engineer cannot start outside the authorised period, asks with a reason,
 * a hospital reviewer approves, and then it starts; the timeline reads in words, in Chinese and in English.
 */
@MedopsTest
class ChangesBrowserIT {

    static final String PASSWORD = "Opsdesk#Emg-2026";

    @LocalServerPort
    int port;

    @Test
    void anEngineerAsksTheHospitalApprovesAndOnlyThenTheChangeStartsOutsideItsPeriod() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        String engineerName = "emg-eng" + suffix;
        String reviewerName = "emg-rev" + suffix;
        Api engineer = admin.newUser(engineerName, "运维工程师 张伟", PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser(reviewerName, "信息科主任 林芳", PASSWORD, "HOSPITAL_REVIEWER");
        long id = engineer.post("/api/v1/opsdesk/changes", ChangesIT.change("PACS 存储控制器更换", "PACS",
                "PRODUCTION", "2027-08-20T22:30", "2027-08-21T01:30")).json().get("id").asLong();
        reviewer.post("/api/v1/opsdesk/changes/" + id + "/authorize", "{\"signerName\":\"林芳\",\"statement\":\"同意\"}");
        String page = "/opsdesk/changes/" + id;

        try (Browser browser = Browser.open(port)) {
            browser.login(engineerName, PASSWORD).waitForPath("/");
            browser.go(page).click("#start-submit");
            assertThat(browser.text("#problem")).contains("申请紧急变更", "院方批准");
            assertThat(browser.text("#change-status")).isEqualTo("已授权");
            browser.type("#emergency-reason", "存储控制器告警，影像归档随时可能中断")
                    .screenshot("changes-01-emergency-request-form").click("#emergency-request-submit");
            assertThat(browser.text("#notice")).contains("紧急变更申请已提交");
            assertThat(browser.text("#emergency-decision")).isEqualTo("待院方审批");
            browser.click("#start-submit");
            assertThat(browser.text("#problem")).contains("等待院方审批");
            assertThat(browser.pageText()).as("deciding is the hospital's").doesNotContain("驳回紧急变更");
            browser.click("#logout").waitForPath("/login");

            browser.login(reviewerName, PASSWORD).waitForPath("/");
            browser.go(page);
            assertThat(browser.find("#emergency-signer").getAttribute("value")).isEqualTo("信息科主任 林芳");
            browser.screenshot("changes-02-emergency-approve-form").click("#emergency-approve-submit");
            assertThat(browser.text("#notice")).contains("已批准紧急变更");
            assertThat(browser.text("#emergency-decision")).isEqualTo("院方已批准");
            browser.click("#logout").waitForPath("/login");

            browser.login(engineerName, PASSWORD).waitForPath("/");
            browser.go(page).click("#start-submit");
            assertThat(browser.text("#notice")).contains("已开始实施");
            assertThat(browser.text("#change-status")).isEqualTo("实施中");
            assertThat(browser.text("#change-emergency")).contains("存储控制器告警");
            assertThat(browser.text("#change-timeline")).contains("申请变更", "院方书面授权", "申请紧急变更",
                    "院方批准紧急变更", "紧急开始实施").doesNotContain("emergency", "APPROVED", "started");
            browser.screenshot("changes-03-emergency-started");

            browser.go(page + "?lang=en");
            assertThat(browser.text("#change-timeline")).contains("Emergency change requested",
                    "Emergency change approved by the hospital", "Started as an emergency");
            assertThat(browser.text("#emergency-decision")).isEqualTo("Approved by the hospital");
            browser.screenshot("changes-04-emergency-started-en");
        }
    }
}
