package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ticket list in Chromium: pages, sorts by a header, filters with the system pick-list and exports. */
@MedopsTest
class TicketListBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void theTicketListPagesSortsFiltersAndExportsWhatItShows() {
        String suffix = "b" + UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reporter = admin.newUser("bnurse" + suffix, "门诊护士 刘芳", "Nurse#Desk-2026", "HOSPITAL_REVIEWER");
        String[] priorities = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
        for (int i = 0; i < 23; i++) {
            assertThat(reporter.post("/api/v1/opsdesk/tickets", """
                    {"title":"浏览 %s 第 %02d 号","phenomenon":"自助机无法缴费","occurredAt":"%s","impactScope":"门诊大厅",
                     "systems":["%s"],"category":"SOFTWARE","steps":"1. 缴费","reporter":"刘芳","contact":"分机 8123",
                     "source":"PHONE","priority":"%s"}""".formatted(suffix, i, Instant.now().minusSeconds(600),
                    i < 5 ? "LIS" : "HIS", priorities[i % 4])).status()).isEqualTo(201);
        }

        try (Browser desk = Browser.open(port)) {
            desk.login("admin", MedopsTest.ADMIN_PASSWORD).go("/opsdesk/tickets?q=" + suffix);
            assertThat(desk.text(".list-rows")).isEqualTo("第 1–20 条，共 23 条");
            assertThat(rows(desk)).hasSize(20);
            desk.click(".list-pager a[data-page='1']");
            assertThat(desk.text(".list-rows")).isEqualTo("第 21–23 条，共 23 条");
            assertThat(rows(desk)).hasSize(3);
            assertThat(desk.path()).contains("q=" + suffix, "page=1");

            desk.click("a[data-sort=priority]");
            assertThat(desk.path()).contains("sort=priority%2Casc").doesNotContain("page=");
            assertThat(rows(desk).get(0).findElement(By.cssSelector("td:nth-child(4)")).getText()).isEqualTo("紧急");
            desk.click("a[data-sort=priority]");
            assertThat(rows(desk).get(0).findElement(By.cssSelector("td:nth-child(4)")).getText()).isEqualTo("低");
            assertThat(desk.find("a[data-sort=priority]").getText()).contains("▼");

            WebElement lis = desk.find("#system").findElements(By.tagName("option")).stream()
                    .filter(o -> o.getText().equals("LIS 检验信息系统")).findFirst().orElseThrow();
            lis.click();
            desk.click("#ticket-filter button[type=submit]");
            assertThat(desk.text(".list-rows")).isEqualTo("第 1–5 条，共 5 条");
            assertThat(desk.path()).contains("system=LIS", "sort=priority%2Cdesc");
            assertThat(rows(desk)).allSatisfy(row -> assertThat(row.getText()).contains("LIS"));
            desk.screenshot("90-ticket-list-filtered-sorted");

            String csv = desk.find(".export-csv").getAttribute("href");
            assertThat(csv).contains("system=LIS", "q=" + suffix, "export=csv");
            Object text = desk.script("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                    + " return x.status + '\\n' + x.responseText;", csv);
            List<String> lines = List.of(text.toString().split("\r?\n"));
            assertThat(lines.get(0)).isEqualTo("200");
            assertThat(lines.get(1)).startsWith("工单号,标题,系统,优先级");
            assertThat(lines).hasSize(2 + 5);
            assertThat(desk.status(desk.find(".export-xlsx").getAttribute("href"))).isEqualTo(200);

            desk.go("/opsdesk/tickets?q=" + suffix + "&sort=phenomenon,asc");
            assertThat(desk.text("#problem")).contains("无法按", "phenomenon");
            desk.go("/opsdesk/tickets?size=50&q=" + suffix);
            assertThat(rows(desk)).hasSize(23);
            desk.scrollTo(".list-footer").screenshot("91-ticket-list-footer");
        }
    }

    private static List<WebElement> rows(Browser browser) {
        browser.find("#tickets tbody");
        return browser.find("#tickets tbody").findElements(By.cssSelector("tr")).stream()
                .filter(r -> !r.findElements(By.cssSelector("td a")).isEmpty()).toList();
    }
}
