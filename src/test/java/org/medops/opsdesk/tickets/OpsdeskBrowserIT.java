package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A fault from the report form to the business owner's confirmation, in Chromium, with screenshots. */
@MedopsTest
class OpsdeskBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void aFaultIsReportedWorkedConfirmedAndShowsItsSlaTimeline() {
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.newUser("nurse" + suffix, "门诊护士 刘芳", "Nurse#Desk-2026", "HOSPITAL_REVIEWER");
        admin.newUser("eng" + suffix, "工程师 张伟", "Eng#Desk-2026x", "OPS_ENGINEER");
        admin.newUser("owner" + suffix, "门诊部主任 王强", "Owner#Desk-2026", "HOSPITAL_REVIEWER");
        String ticketPath;

        try (Browser nurse = Browser.open(port)) {
            nurse.login("nurse" + suffix, "Nurse#Desk-2026").go("/opsdesk/tickets").click("#report-fault");
            nurse.type("#title", "门诊收费窗口无法打印发票 " + suffix)
                    .type("#phenomenon", "点击打印后提示“连接打印服务超时”，所有收费窗口均如此。")
                    .type("#impactScope", "门诊一楼 6 个收费窗口")
                    .tick("#system-HIS")
                    .type("#reporter", "刘芳").type("#contact", "分机 8123");
            nurse.find("#priority option[value=HIGH]").click();
            nurse.screenshot("80-ticket-report-form");
            nurse.click("#ticket-form button[type=submit]");
            assertThat(nurse.text("#notice")).contains("故障已提交");
            assertThat(nurse.text("#ticket-status")).isEqualTo("待受理");
            assertThat(nurse.text("#sla-clocks")).contains("首次响应", "故障修复", "计时中");
            assertThat(nurse.pageText()).doesNotContain("受理（首次响应）");
            ticketPath = nurse.path();
            nurse.screenshot("81-ticket-reported");
        }

        try (Browser engineer = Browser.open(port)) {
            engineer.login("eng" + suffix, "Eng#Desk-2026x").go(ticketPath).click("#action-accept");
            assertThat(engineer.text("#ticket-status")).isEqualTo("已受理");
            engineer.find("#work-mode option[value=REMOTE]").click();
            engineer.click("#action-start");
            engineer.type("#rootCause", "打印服务内存泄漏导致连接池耗尽").type("#locationImpact", "门诊全部收费窗口")
                    .type("#fixPriority", "立即处理").type("#risk", "重启打印服务约 1 分钟不可打印")
                    .click("#action-locate");
            assertThat(engineer.text("#location-report")).contains("打印服务内存泄漏");
            engineer.type("#fixSummary", "升级打印服务到 2.3.1 并重启，已验证 6 个窗口打印正常").click("#action-fix");
            assertThat(engineer.text("#ticket-status")).isEqualTo("待院方确认");
            assertThat(engineer.pageText()).contains("等待院方业务负责人确认修复");
            engineer.screenshot("82-ticket-fixed");
        }

        try (Browser owner = Browser.open(port)) {
            owner.login("owner" + suffix, "Owner#Desk-2026").go(ticketPath);
            // Blanks pass the browser's "required" but not the record the API validates too: the form says why.
            owner.type("#confirmer-name", "王强").type("#confirm-statement", "   ").click("#action-confirm");
            assertThat(owner.text("#violations")).contains("确认意见", "不能为空");
            assertThat(owner.text("#ticket-status")).isEqualTo("待院方确认");
            owner.screenshot("82b-ticket-confirm-refused-blank");
            owner.type("#confirmer-name", "王强").type("#confirm-statement", "六个窗口均已恢复打印，确认修复。")
                    .click("#action-confirm");
            assertThat(owner.text("#ticket-status")).isEqualTo("已关闭");
            assertThat(owner.text("#timeline")).contains("报告故障", "受理", "提交定位报告", "修复完成", "院方确认修复");
            assertThat(owner.text("#sla-clocks")).contains("达标").doesNotContain("计时中");
            owner.screenshot("83-ticket-closed-timeline");
            owner.click("#print-confirmation");
            assertThat(owner.text("#confirmation-signed")).contains("王强", "六个窗口均已恢复打印");
            owner.screenshot("84-repair-confirmation");
            owner.go("/opsdesk/tickets");
            assertThat(owner.text("#tickets")).contains("门诊收费窗口无法打印发票 " + suffix);
            owner.screenshot("85-ticket-register");
        }

        try (Browser manager = Browser.open(port)) {
            manager.login("admin", MedopsTest.ADMIN_PASSWORD).go("/opsdesk/sla");
            assertThat(manager.text("#calendar-days")).contains("2026-10-01", "国庆节", "2026-10-10");
            manager.set("#preview-start", "2026-09-30T17:00").type("#preview-minutes", "120").click("#preview-form button[type=submit]");
            assertThat(manager.text("#due-preview")).contains("2026-10-08T09:00:00+08:00");
            manager.screenshot("86-sla-policies-calendar");
            manager.click("#escalation-form button[type=submit]");
            assertThat(manager.text("#notice")).contains("预警与升级已保存");
            assertThat(manager.find("#escalation-form input[name='percent.1']").getAttribute("value")).isEqualTo("75");
            manager.scrollTo("#escalations").screenshot("86b-sla-escalations");
            manager.go("/opsdesk/reports");
            assertThat(manager.text("#compliance-kind")).contains("首次响应", "故障修复");
            assertThat(manager.text("#workload-engineer")).as("people by their display name").contains("工程师 张伟");
            manager.screenshot("87-service-reports");
            manager.go("/opsdesk/tickets?lang=en");
            assertThat(manager.text("#ticket-filter")).contains("Report a fault");
        }
    }
}
