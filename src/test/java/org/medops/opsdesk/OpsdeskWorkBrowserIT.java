package org.medops.opsdesk;

import org.medops.opsdesk.changes.ChangesIT;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium: hospital staff submit a requirement, the vendor's engineer accepts it with
 * person-days against the allowance, and the hospital reviewer authorizes a production change in writing.
 */
@MedopsTest
class OpsdeskWorkBrowserIT {

    static final String PASSWORD = "Opsdesk#Web-2026";

    @LocalServerPort
    int port;

    @Test
    void staffSubmitTheVendorAcceptsWithPersonDaysAndTheHospitalAuthorizesAChange() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        String reviewerName = "web-rev" + suffix;
        String engineerName = "web-eng" + suffix;
        admin.newUser(reviewerName, "信息科审核人 陈刚", PASSWORD, "HOSPITAL_REVIEWER");
        Api engineer = admin.newUser(engineerName, "运维工程师 张伟", PASSWORD, "OPS_ENGINEER");
        long change = engineer.post("/api/v1/opsdesk/changes", ChangesIT.change("HIS 5.3.2 补丁升级", "HIS",
                "PRODUCTION", "2027-05-20T22:30", "2027-05-21T00:30")).json().get("id").asLong();
        long[] tickets = new long[2];
        for (int i = 0; i < tickets.length; i++) {
            tickets[i] = engineer.post("/api/v1/opsdesk/tickets", """
                    {"title":"影像调阅白屏","phenomenon":"新版 Chrome 白屏","occurredAt":"%s","impactScope":"放射科",
                     "systems":["PACS"],"category":"SOFTWARE","reporter":"放射科","contact":"8300","source":"PHONE",
                     "priority":"MEDIUM"}""".formatted(java.time.Instant.now().minusSeconds(60))).json().get("id").asLong();
        }

        try (Browser browser = Browser.open(port)) {
            browser.login(reviewerName, PASSWORD).waitForPath("/");
            browser.go("/opsdesk/requirements");
            assertThat(browser.text("#allowance")).contains("剩余免费人天");
            browser.type("#req-title", "门诊医生站开药时弹出过敏史提醒")
                    .type("#req-submitter", "门诊部 刘主任").type("#req-contact", "内线 8021")
                    .type("#req-description", "开具处方时，如患者有药物过敏史，弹窗提示并要求医生确认。")
                    .screenshot("opsdesk-01-requirement-form")
                    .click("#req-submit").waitForPath("/opsdesk/requirements/");
            assertThat(browser.text("#notice")).contains("需求已提交");
            assertThat(browser.text("#requirement-status")).isEqualTo("已提交");
            assertThat(browser.pageText()).doesNotContain("开始分析", "接受需求");
            String requirementPath = browser.path();
            browser.screenshot("opsdesk-02-requirement-submitted");
            browser.click("#logout").waitForPath("/login");

            browser.login(engineerName, PASSWORD).waitForPath("/");
            browser.go(requirementPath).click("#req-analyse");
            assertThat(browser.text("#requirement-status")).isEqualTo("分析中");
            browser.click("#accept-submit");
            assertThat(browser.path()).as("the browser refuses an empty answer before sending").isEqualTo(requirementPath);
            browser.type("#accept-reason", "可在现有处方校验流程中实现").type("#accept-days", "2")
                    .screenshot("opsdesk-03-requirement-accept-form")
                    .click("#accept-submit");
            assertThat(browser.text("#notice")).contains("需求已接受");
            assertThat(browser.text("#requirement-status")).isEqualTo("已接受");
            assertThat(browser.text("#requirement-days")).startsWith("2 人天");
            assertThat(browser.text("#requirement-answer")).contains("可在现有处方校验流程中实现", "运维工程师 张伟");
            assertThat(browser.text("#requirement-steps")).contains("已提交", "分析中", "已接受");
            browser.screenshot("opsdesk-04-requirement-accepted");

            browser.go("/opsdesk/requirements");
            assertThat(browser.text("#requirements")).contains("门诊医生站开药时弹出过敏史提醒", "已接受");
            assertThat(browser.text("#allowance-used")).endsWith("/ 8");
            browser.screenshot("opsdesk-05-requirements-allowance");

            browser.go("/opsdesk/changes/" + change);
            assertThat(browser.pageText()).doesNotContain("书面授权");
            browser.click("#logout").waitForPath("/login");

            browser.login(reviewerName, PASSWORD).waitForPath("/");
            browser.go("/opsdesk/changes?sort=id,desc");
            assertThat(browser.text("#maintenance-window")).contains("22:00–06:00");
            assertThat(browser.text("#changes")).contains("HIS 5.3.2 补丁升级", "待授权");
            browser.screenshot("opsdesk-06-changes");
            browser.go("/opsdesk/changes/" + change);
            assertThat(browser.find("#auth-name").getAttribute("value")).isEqualTo("信息科审核人 陈刚");
            browser.screenshot("opsdesk-07-change-authorize-form").click("#authorize-submit");
            assertThat(browser.text("#notice")).contains("已书面授权");
            assertThat(browser.text("#change-status")).isEqualTo("已授权");
            assertThat(browser.text("#change-authorization")).contains("信息科审核人 陈刚", "登录用户 信息科审核人 陈刚", "同意在计划时间内实施");
            browser.screenshot("opsdesk-08-change-authorized");

            browser.click("#logout").waitForPath("/login");
            browser.login(engineerName, PASSWORD).waitForPath("/");
            browser.go("/opsdesk/defects").type("#def-title", "影像调阅在新版 Chrome 下白屏")
                    .type("#def-product", "PACS 影像归档与通信系统").type("#def-version", "3.1.7")
                    .tick("#def-system option[value=PACS]").tick("#def-severity option[value=CRITICAL]")
                    .type("#def-tickets", tickets[0] + ", " + tickets[1])
                    .type("#def-description", "Chrome 130 以上版本打开 Web 阅片页面白屏，旧版正常。")
                    .click("#def-submit").waitForPath("/opsdesk/defects/");
            assertThat(browser.text("#defect-tickets")).contains("#" + tickets[0], "#" + tickets[1]);
            assertThat(browser.text("#defect-info")).contains("PACS", "致命");
            browser.type("#progress-note", "厂商已复现，排入 3.1.8").click("#progress-submit");
            assertThat(browser.text("#defect-status")).isEqualTo("研发已确认");
            assertThat(browser.text("#defect-notes")).contains("待研发确认 → 研发已确认", "厂商已复现", "运维工程师 张伟");
            browser.screenshot("opsdesk-09-defect");

            browser.go("/opsdesk/defects").click("#defects-report-link");
            assertThat(browser.text("#report-figures")).contains("本季新增");
            assertThat(browser.text("#report-open")).contains("影像调阅在新版 Chrome 下白屏", "研发已确认");
            browser.screenshot("opsdesk-10-defects-report");
        }
    }
}
