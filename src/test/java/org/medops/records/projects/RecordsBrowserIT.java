package org.medops.records.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the console: the vendor's engineer starts a project and hands in the research report on time and the plan two
 * working days late; the timeline shows the late milestone and the hospital's confirmation due after the Dragon Boat
 * Festival; the hospital's reviewer confirms. Then the archive shows the milestone documents after a collection and
 * the half-year handover package downloads as a zip.
 */
@MedopsTest
class RecordsBrowserIT {

    @LocalServerPort
    int port;

    private static Path file(String name, String text) throws IOException {
        Path dir = Files.createTempDirectory("records-");
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aProjectTimelineAndTheHandoverExport() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.newUser("bpe" + suffix, "运维工程师 郑凯", "Brow#Engineer-2026", "OPS_ENGINEER");
        admin.newUser("bpr" + suffix, "信息科 林芳", "Brow#Reviewer-2026", "HOSPITAL_REVIEWER");
        String name = "医保结算接口优化 " + suffix;
        String project;

        try (Browser browser = Browser.open(port)) {
            browser.login("bpe" + suffix, "Brow#Engineer-2026").waitForPath("/");
            browser.go("/records/projects");
            browser.type("#project-name", name).type("#project-fee", "120000").set("#project-start", "2026-06-01");
            browser.tick("#project-system-YB").tick("#project-system-HIS");
            browser.type("#project-scenarios", "门诊医保结算\n住院医保结算\n结算对账");
            browser.screenshot("records-project-new");
            browser.click("#project-save");
            assertThat(browser.text("#notice")).contains("项目已创建");
            project = browser.path();
            assertThat(browser.text("#milestone-RESEARCH_REPORT")).contains("截止 2026-06-04");

            browser.set("#on-RESEARCH_REPORT", "2026-06-04");
            browser.find("#file-RESEARCH_REPORT").sendKeys(file("需求调研分析报告.txt", "调研：医保结算平均 3 秒").toString());
            browser.click("#complete-button-RESEARCH_REPORT");
            assertThat(browser.text("#notice")).contains("节点已完成");
            assertThat(browser.text("#milestone-PLAN")).contains("截止 2026-06-11");

            browser.set("#on-PLAN", "2026-06-15");
            browser.find("#file-PLAN").sendKeys(file("集成优化方案.txt", "方案：结算异步化，失败重试").toString());
            browser.click("#complete-button-PLAN");
            assertThat(browser.text("#milestone-PLAN")).contains("逾期 2 个工作日");
            assertThat(browser.text("#milestone-CONFIRMATION")).contains("截止 2026-06-18").contains("甲方");
            assertThat(browser.text("#late-vendor")).contains("2 个工作日");
            assertThat(browser.findAll("#complete-CONFIRMATION")).as("shown, but the vendor may not sign it").hasSize(1);
            browser.set("#on-CONFIRMATION", "2026-06-18");
            browser.find("#file-CONFIRMATION").sendKeys(file("确认.txt", "冒充院方").toString());
            browser.click("#complete-button-CONFIRMATION");
            assertThat(browser.text("#problem")).contains("院方");
            browser.screenshot("records-project-timeline-engineer");
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("bpr" + suffix, "Brow#Reviewer-2026").waitForPath("/");
            browser.go(project);
            browser.set("#on-CONFIRMATION", "2026-06-18");
            browser.find("#file-CONFIRMATION").sendKeys(file("方案书面确认.txt", "同意实施。信息科 林芳").toString());
            browser.click("#complete-button-CONFIRMATION");
            assertThat(browser.text("#notice")).contains("节点已完成");
            assertThat(browser.text("#milestone-CONFIRMATION")).contains("信息科 林芳").contains("按期");
            assertThat(browser.text("#milestone-DELIVERY")).contains("截止");
            browser.screenshot("records-project-timeline");
            browser.go(project + "?lang=en");
            assertThat(browser.text("#milestone-PLAN")).contains("2 working days late");
            browser.screenshot("records-project-timeline-en");
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("bpe" + suffix, "Brow#Engineer-2026").waitForPath("/");
            browser.go("/records/archive");
            browser.click("#archive-collect");
            assertThat(browser.text("#collected")).contains("本次收集");
            browser.type("#archive-q", suffix).click("#archive-search");
            assertThat(browser.findAll("#archive-documents tbody tr[id^='document-row-']")).hasSize(3);
            assertThat(browser.text("#archive-documents")).contains("集成优化方案").contains("方案书面确认")
                    .contains("信息科 林芳");
            browser.set("#handover-preset", "HALF_YEAR").set("#handover-contract", "2026-01-01");
            browser.scrollTo("#handover-form");
            browser.screenshot("records-archive-handover");
            Object head = browser.script("""
                    var x = new XMLHttpRequest();
                    x.open('GET', '/records/archive/handover?preset=HALF_YEAR&contractStart=2026-01-01&months=12', false);
                    x.overrideMimeType('text/plain; charset=x-user-defined'); x.send();
                    return x.status + ' ' + x.getResponseHeader('Content-Type') + ' ' + x.responseText.substring(0, 2);""");
            assertThat(head.toString()).isEqualTo("200 application/zip PK");
            browser.click("#archive-documents tbody tr a");
            assertThat(browser.find("#document-versions .version-sha").getText()).matches("[0-9a-f]{64}");
            browser.screenshot("records-archive-document");
        }
    }
}
