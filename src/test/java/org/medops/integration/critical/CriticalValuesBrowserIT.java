package org.medops.integration.critical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ward doctor holding only the CLINICIAN role opens 危急值闭环: the overdue value is highlighted, patients are masked,
 * no engine page is in the navigation; they open a value, read its timeline, acknowledge, record what was done and
 * close it; the report shows the department's stage times. The administrator keeps the rules and contacts in the
 * console forms, and a bad entry is refused in words.
 */
@MedopsTest
class CriticalValuesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    CriticalValueDemo demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBoardHighlightsTheOverdueValueAndALoopIsClosedFromItsTimeline() {
        Instant now = Instant.now();
        demo.seed(List.of(
                new CriticalValueDemo.Seed("P300001", "欧阳娜娜", "K", "血钾", "7.2", "mmol/L", "3.5-5.5", "HH", "心内科",
                        "CCU", "王建国", now.minus(Duration.ofMinutes(15)), null, null, null, null),
                new CriticalValueDemo.Seed("P300002", "钱多多", "PLT", "血小板", "15", "10^9/L", "125-350", "LL", "急诊科",
                        "EICU", "周晓", now.minus(Duration.ofMinutes(3)), null, null, null, null),
                new CriticalValueDemo.Seed("P300003", "孙悟空", "GLU", "血糖", "1.8", "mmol/L", "3.9-6.1", "LL", "肾内科",
                        "肾内一病区", "孙丽", now.minus(Duration.ofDays(1)), 4, 20, 45, "静推葡萄糖")));
        long overdue = jdbc.sql("select id from integration_critical_values where patient_id = 'P300001' order by id desc limit 1")
                .query(Long.class).single();
        long fresh = jdbc.sql("select id from integration_critical_values where patient_id = 'P300002' order by id desc limit 1")
                .query(Long.class).single();
        String doctor = "ward" + java.util.UUID.randomUUID().toString().substring(0, 6);
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser(doctor, "心内科医生", "Ward#Doctor-2026", "CLINICIAN");
        try (Browser browser = Browser.open(port)) {
            browser.login(doctor, "Ward#Doctor-2026").waitForPath("/");
            assertThat(browser.findAll("#nav-integration-channels")).as("no engine page for a clinician").isEmpty();
            browser.click("#nav-integration-critical").waitForPath("/integration/critical-values");
            assertThat(browser.find("#critical-" + overdue).getAttribute("class")).contains("critical-overdue");
            assertThat(browser.find("#critical-" + fresh).getAttribute("class")).doesNotContain("critical-overdue");
            assertThat(browser.text("#critical-" + overdue)).contains("欧**娜", "血钾", "7.2", "HH", "已升级至科主任")
                    .doesNotContain("欧阳娜娜");
            assertThat(browser.pageText()).doesNotContain("孙悟空");
            browser.screenshot("critical-01-board");
            assertThat(browser.status("/integration/critical-values?open=true&export=xlsx")).isEqualTo(200);

            browser.go("/integration/critical-values/" + fresh);
            assertThat(browser.text("#critical-timeline")).contains("检出危急值", "已通知");
            browser.click("#critical-acknowledge");
            assertThat(browser.text("#notice")).contains("已确认接收");
            browser.type("#critical-action", "输注血小板").type("#critical-note", "密切观察出血").click("#critical-handle");
            assertThat(browser.text("#notice")).contains("已登记处理");
            browser.click("#critical-close");
            assertThat(browser.text("#critical-status")).contains("已闭环");
            assertThat(browser.text("#critical-timeline")).contains(doctor + " 确认接收",
                    doctor + " 登记处理：输注血小板 · 密切观察出血", doctor + " 闭环");
            browser.screenshot("critical-02-timeline");

            browser.go("/integration/critical-values/" + overdue);
            assertThat(browser.text("#critical-timeline")).contains("超时未确认，已升级至科主任");

            browser.go("/integration/critical-values").click("#critical-report-link")
                    .waitForPath("/integration/critical-values/report");
            assertThat(browser.text("#critical-report")).contains("肾内科", "4.0");
            assertThat(browser.status("/integration/critical-values/report/export?format=xlsx")).isEqualTo(200);
            browser.screenshot("critical-03-report");
            assertThat(browser.status("/integration/channels")).isEqualTo(403);
            browser.go("/integration/critical-values/settings");
            assertThat(browser.findAll("#critical-rule-form")).as("rules are the administrator's").isEmpty();
        }
    }

    @Test
    void theAdministratorKeepsRulesAndContactsInTheFormsAndABadEntryIsRefusedInWords() {
        String item = "B" + Long.toString(System.nanoTime() % 100000);
        String ward = "表单病区" + Long.toString(System.nanoTime() % 10000);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            // the board itself is medical content: the administrator's menu leads to the rules and contacts
            assertThat(browser.status("/integration/critical-values")).isEqualTo(403);
            browser.click("#nav-integration-critical").waitForPath("/integration/critical-values/settings");
            browser.type("#rule-code", item).type("#rule-name", "血钙").type("#rule-low", "1.5").type("#rule-high", "3.5")
                    .click("#rule-save");
            assertThat(browser.text("#notice")).contains("判定规则已保存");
            assertThat(browser.text("#critical-rules")).contains(item, "血钙", "1.5", "3.5");
            browser.type("#rule-code", item).type("#rule-low", "低").click("#rule-save");
            assertThat(browser.text("#problem")).contains("下限和上限须为数字");
            browser.type("#rule-code", "bad code").type("#rule-low", "1").click("#rule-save");
            assertThat(browser.text("#problem")).contains("项目编码");
            browser.screenshot("critical-04-rule-refused");

            browser.type("#department-name", ward).type("#department-ack", "15").type("#department-handle", "45")
                    .click("#department-save");
            assertThat(browser.text("#notice")).contains("科室联系人已保存");
            assertThat(browser.text("[data-department='" + ward + "']")).contains("15", "45");
            browser.type("#department-name", ward).type("#department-head", "没有这个通知对象").click("#department-save");
            assertThat(browser.text("#problem")).contains("通知对象不存在", "没有这个通知对象");
            browser.type("#department-name", ward).type("#department-ack", "十分钟").click("#department-save");
            assertThat(browser.text("#problem")).contains("整数分钟");
            browser.screenshot("critical-05-settings");
        }
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'integration.critical.rule' and target_id = :c")
                .param("c", item).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select ack_minutes * 100 + handle_minutes from integration_critical_departments where department = :d")
                .param("d", ward).query(Integer.class).single()).isEqualTo(1545);
    }
}
