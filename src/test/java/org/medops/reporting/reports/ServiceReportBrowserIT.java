package org.medops.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the console: the hospital's reviewer opens the quarterly report from the navigation, reads the figures and the
 * charts, writes the suggestions and saves; an engineer reads the same report without the form; the annual summary
 * is picked from the period list and shows the quarters side by side; the page reads in English too.
 */
@MedopsTest
class ServiceReportBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    OpsdeskSystems systems;

    @Test
    void theReviewerReadsTheQuarterWritesSuggestionsAndOpensTheYear() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String system = "SB" + suffix.toUpperCase();
        systems.save(new OpsdeskSystems.OpsdeskSystem(system, "检验系统 " + suffix, true));
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser("sbe" + suffix, "工程师 吴", "Eng#Report-2026", "OPS_ENGINEER");
        admin.newUser("sbr" + suffix, "考评科室 郑", "Rev#Report-2026", "HOSPITAL_REVIEWER");
        long id = engineer.post("/api/v1/opsdesk/tickets", """
                {"title":"检验结果回传中断 %s","phenomenon":"LIS 结果无法回传 HIS","occurredAt":"%s","impactScope":"全院",
                 "systems":["%s"],"category":"INTERFACE","reporter":"检验科","contact":"8123","source":"PHONE",
                 "priority":"CRITICAL"}""".formatted(suffix, Instant.now().minus(70, ChronoUnit.MINUTES), system))
                .json().get("id").asLong();
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"重启接口服务\"}");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);

        try (Browser browser = Browser.open(port)) {
            browser.login("sbr" + suffix, "Rev#Report-2026").waitForPath("/");
            browser.click("#nav-service-report");
            browser.waitForPath("/reporting/service-report");
            assertThat(browser.find("#period").getAttribute("value")).isEqualTo(quarter);
            assertThat(browser.text(".page-title")).isEqualTo(quarter + " 季度服务报告");
            assertThat(browser.text("#report-running")).contains("尚未结束");
            assertThat(browser.text("#block-overview")).contains("本期受理工单").contains("SLA 达标率");
            assertThat(browser.text("#block-systems")).contains("检验系统 " + suffix);
            assertThat(browser.text("#block-outages")).contains("检验结果回传中断 " + suffix);
            assertThat(browser.find("#chart-tickets-priority").getAttribute("src")).startsWith("data:image/png;base64,");
            assertThat((Boolean) browser.script("const i = document.getElementById('chart-tickets-priority');"
                    + " return i.complete && i.naturalWidth > 0;")).as("the chart image decodes").isTrue();
            assertThat(browser.findAll("#report-pdf, #report-docx, #report-xlsx")).hasSize(3);
            browser.screenshot("service-report-quarter");

            browser.scrollTo("#suggestions-form");
            browser.type("#suggestions-text", "检验接口本季度中断一次，建议为 LIS 回传增加熔断与重试；节前完成接口服务器巡检。");
            browser.click("#suggestions-save");
            assertThat(browser.text("#notice")).contains("优化建议已保存");
            assertThat(browser.find("#suggestions-text").getAttribute("value")).contains("增加熔断与重试");
            assertThat(browser.text("#block-suggestions")).contains("考评科室 郑");
            browser.screenshot("service-report-suggestions");

            browser.set("#period", String.valueOf(today.getYear())).click("#period-show");
            String annual = today.getYear() + " 年度运维服务报告";
            for (int i = 0; i < 50 && !browser.text(".page-title").equals(annual); i++) {
                browser.script("return new Promise(r => setTimeout(r, 200));");
            }
            assertThat(browser.text(".page-title")).isEqualTo(annual);
            assertThat(browser.text("#block-quarters")).contains(today.getYear() + "-Q1").contains(quarter);
            assertThat(browser.findAll("#chart-quarters")).hasSize(1);
            assertThat(browser.text("#block-handled")).contains("全年关闭工单");
            browser.screenshot("service-report-year");

            browser.go("/reporting/service-report?period=" + quarter + "&lang=en");
            assertThat(browser.text(".page-title")).isEqualTo("Quarterly service report " + quarter);
            assertThat(browser.text("#block-overview")).contains("tickets reported");
            browser.go("/reporting/service-report?period=" + quarter + "&lang=zh_CN");
            browser.go("/reporting/service-report?period=2026-Q7");
            assertThat(browser.text("#problem")).contains("报告期“2026-Q7”无效");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login("sbe" + suffix, "Eng#Report-2026").waitForPath("/");
            browser.go("/reporting/service-report?period=" + quarter);
            assertThat(browser.findAll("#suggestions-form")).as("the engineer reads, does not write").isEmpty();
            assertThat(browser.text("#block-suggestions")).contains("增加熔断与重试");
            browser.go("/reporting/service-report/print?period=" + quarter);
            assertThat(browser.text("#report-sheet")).contains(quarter + " 季度服务报告").contains("增加熔断与重试");
            browser.screenshot("service-report-print");
        }
    }
}
