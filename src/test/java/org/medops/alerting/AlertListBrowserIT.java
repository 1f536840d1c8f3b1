package org.medops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert list in Chromium: the dashboard's open-alert number into the list, paging, sorting by a header,
 * filtering by the rule pick-list, exporting; and the rule form's level select wide enough for its labels.
 */
@MedopsTest
class AlertListBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAlertListPagesSortsFiltersAndExportsWhatItShows() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String name = "浏览器 HIS 失败率 " + suffix;
        Api.Response created = admin.post("/api/v1/alert-rules", """
                {"name":"%s","kind":"FAILURE_RATE","subject":"his","threshold":50,"windowMinutes":5,"minCalls":3,
                 "severity":"WARNING","targetIds":[]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long rule = created.json().get("id").asLong();
        assertThat(admin.post("/api/v1/alert-rules/" + rule + "/disable", "{}").status()).isEqualTo(204);
        AlertSeverity[] severities = AlertSeverity.values();
        for (int i = 0; i < 23; i++) {
            jdbc.sql("""
                            insert into alerts(rule_id, subject, severity, status, message, value, raised_at)
                            values (:rule, :subject, :severity, 'OPEN', :message, 60, :at)""")
                    .param("rule", rule).param("subject", "his-" + suffix + "-" + i)
                    .param("severity", severities[i % 3].name()).param("message", "HIS 失败率 60% · " + i)
                    .param("at", Timestamp.from(Instant.now().minusSeconds(900 - i))).update();
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD);
            browser.go("/dashboard").find("[data-card='dashboard.card.openAlerts']");
            browser.screenshot("43-dashboard-cards");
            long open = Long.parseLong(browser.text("[data-card='dashboard.card.openAlerts'] [data-count]").strip());
            assertThat(open).isGreaterThanOrEqualTo(23);
            browser.click("[data-card='dashboard.card.openAlerts']").waitForPath("/alerts?");
            assertThat(browser.path()).contains("status=OPEN");
            assertThat(browser.text(".list-rows")).endsWith("共 " + open + " 条");
            assertThat(browser.find("#filter-status option:checked").getText()).isEqualTo("未处理");

            WebElement option = browser.find("#filter-rule").findElements(By.tagName("option")).stream()
                    .filter(o -> o.getText().equals(name)).findFirst().orElseThrow();
            option.click();
            browser.click("#alert-search");
            assertThat(browser.path()).contains("rule=" + rule, "status=OPEN");
            assertThat(browser.text(".list-rows")).isEqualTo("第 1–20 条，共 23 条");
            assertThat(rows(browser)).hasSize(20);
            browser.click(".list-pager a[data-page='1']");
            assertThat(browser.text(".list-rows")).isEqualTo("第 21–23 条，共 23 条");
            assertThat(browser.path()).contains("rule=" + rule, "page=1");

            browser.click("a[data-sort=severity]");
            assertThat(browser.path()).contains("sort=severity%2Casc").doesNotContain("page=");
            assertThat(rows(browser).get(0).findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("严重");
            browser.click("a[data-sort=severity]");
            assertThat(rows(browser).get(0).findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("提示");
            assertThat(browser.find("a[data-sort=severity]").getText()).contains("▼");
            browser.screenshot("44-alert-list-filtered-sorted");

            String csv = browser.find(".export-csv").getAttribute("href");
            assertThat(csv).contains("rule=" + rule, "export=csv");
            List<String> lines = browser.fetchLines(csv);
            assertThat(lines.get(0)).isEqualTo("200");
            assertThat(lines.get(1)).startsWith("时间,级别,规则,对象,内容,状态");
            assertThat(lines).hasSize(2 + 23);
            assertThat(lines.get(2)).contains("+08:00", "提示");
            assertThat(browser.status(browser.find(".export-xlsx").getAttribute("href"))).isEqualTo(200);

            // The level select shows its longest label whole ("警告" was clipped in a one-twelfth column).
            browser.scrollTo("#rule-form");
            Number shown = (Number) browser.script("var s = document.getElementById('rule-severity');"
                    + " return s.clientWidth;");
            Number needed = (Number) browser.script("var s = document.getElementById('rule-severity');"
                    + " var c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(s).font;"
                    + " var w = 0; for (var o of s.options) { w = Math.max(w, c.measureText(o.text).width); }"
                    + " return Math.ceil(w + parseFloat(getComputedStyle(s).paddingLeft)"
                    + " + parseFloat(getComputedStyle(s).paddingRight));");
            assertThat(shown.doubleValue()).as("select width against its widest label").isGreaterThanOrEqualTo(
                    needed.doubleValue());
            browser.screenshot("45-alert-rule-form");
        }
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.find("#alerts tbody").findElements(By.cssSelector("tr"));
    }
}
