package org.medops.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The requirement, defect and change lists in Chromium at 1440 px: each pages, sorts by a header, filters with the
 * system pick-list and exports what it shows; they and the ticket list fit the window in both languages.
 */
@MedopsTest
class OpsdeskListsBrowserIT {

    static final String PASSWORD = "Lists#Browse-2026";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Test
    void eachListPagesSortsFiltersByPickListAndExportsWhatItShowsAndFitsTheWindow() {
        String tag = "lb" + UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String engineerName = "lbeng" + tag;
        Api engineer = admin.newUser(engineerName, "工程师 浏览", PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser("lbrev" + tag, "信息科 浏览", PASSWORD, "HOSPITAL_REVIEWER");
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000) * 30L);
        String longTail = "，门诊医生站在开具处方时需要同时显示患者过敏史、近期检验危急值和医保限制用药提示，便于医生一次确认";
        for (int i = 0; i < 21; i++) {
            String system = i < 5 ? "LIS" : "HIS";
            String tail = i == 0 ? longTail : "";
            assertThat(reviewer.post("/api/v1/opsdesk/requirements", """
                    {"title":"%s 需求 %02d%s","description":"报表按科室筛选","systemCode":"%s","submitter":"门诊部 李娜"}"""
                    .formatted(tag, i, tail, system)).status()).isEqualTo(201);
            assertThat(engineer.post("/api/v1/opsdesk/defects", """
                    {"title":"%s 缺陷 %02d%s","description":"打印错位","systemCode":"%s","severity":"MAJOR",
                     "product":"HIS 医院信息系统","productVersion":"5.2.17-build.2031","ticketIds":[]}"""
                    .formatted(tag, i, tail, system)).status()).isEqualTo(201);
            LocalDate on = day.plusDays(i);
            assertThat(engineer.post("/api/v1/opsdesk/changes", """
                    {"title":"%s 变更 %02d%s","systemCode":"%s","environment":"TEST","risk":"MEDIUM",
                     "plan":"1. 备份\\n2. 部署","rollbackPlan":"恢复备份","plannedStart":"%s","plannedEnd":"%s"}"""
                    .formatted(tag, i, tail, system, on.atTime(14, 0).atZone(SHANGHAI).toInstant(),
                            on.atTime(16, 0).atZone(SHANGHAI).toInstant())).status()).isEqualTo(201);
        }

        for (int i = 0; i < 3; i++) {
            assertThat(reviewer.post("/api/v1/opsdesk/tickets", """
                    {"title":"%s 工单 %02d%s","phenomenon":"自助机无法缴费","occurredAt":"%s","impactScope":"门诊大厅",
                     "systems":["HIS","LIS","PACS"],"category":"SOFTWARE","reporter":"刘芳","contact":"分机 8123",
                     "source":"PHONE","priority":"HIGH"}""".formatted(tag, i, longTail, java.time.Instant.now()
                    .minusSeconds(600))).status()).isEqualTo(201);
        }

        try (Browser desk = Browser.open(port)) {
            desk.login(engineerName, PASSWORD).waitForPath("/");
            walk(desk, "requirements", "需求", tag, "编号,标题,系统,提出人,状态");
            walk(desk, "defects", "缺陷", tag, "编号,标题,系统,严重程度");
            walk(desk, "changes", "变更", tag, "编号,标题,系统,环境,风险等级");

            desk.go("/opsdesk/tickets?q=" + tag);
            assertThat(desk.text(".list-rows")).isEqualTo("第 1–3 条，共 3 条");
            desk.screenshot("lists-tickets-zh");
            assertFits(desk, "#tickets");
            desk.go("/opsdesk/tickets?q=" + tag + "&lang=en");
            desk.screenshot("lists-tickets-en");
            assertFits(desk, "#tickets");
            assertThat(desk.findAll(".medops-nav-heading").stream().map(WebElement::getText).toList())
                    .as("headings as written, not in capitals").contains("Ops desk", "Traffic");
            desk.go("/opsdesk/tickets?lang=zh_CN");

            desk.go("/opsdesk/reports");
            assertThat(desk.pageText()).as("the API path lives in the docs").doesNotContain("/api/v1", "GET ");
            assertThat(desk.status(desk.find("#report-export-xlsx").getAttribute("href"))).isEqualTo(200);
            desk.screenshot("lists-reports");
            desk.go("/opsdesk/reports?from=2026-12-01&to=2026-11-01");
            assertThat(desk.text("#problem")).isNotBlank();
            assertThat(desk.find("#report-period #from").getAttribute("value")).isEqualTo("2026-12-01");
        }
    }

    /** Pages, sorts, filters and exports one list, then looks at it in English. */
    private void walk(Browser desk, String list, String noun, String tag, String csvHeader) {
        String table = "#" + list;
        desk.go("/opsdesk/" + list + "?q=" + tag);
        assertThat(desk.text(".list-rows")).isEqualTo("第 1–20 条，共 21 条");
        assertThat(rows(desk, table)).hasSize(20);
        desk.screenshot("lists-" + list + "-zh");
        assertFits(desk, table);
        desk.click(".list-pager a[data-page='1']");
        assertThat(desk.text(".list-rows")).isEqualTo("第 21–21 条，共 21 条");
        assertThat(desk.path()).contains("q=" + tag, "page=1");

        desk.click(table + " a[data-sort=title]");
        assertThat(desk.path()).contains("sort=title%2Casc").doesNotContain("page=");
        assertThat(title(desk, table)).startsWith(tag + " " + noun + " 00");
        WebElement longest = rows(desk, table).get(0).findElement(By.cssSelector("td:nth-child(2) a"));
        assertThat(longest.getAttribute("title")).as("a long title is shown whole on hover").contains("便于医生一次确认");
        assertThat(longest.getSize().getHeight()).as("and cut to two lines").isLessThan(3 * 24);
        desk.click(table + " a[data-sort=title]");
        assertThat(title(desk, table)).isEqualTo(tag + " " + noun + " 20");
        assertThat(desk.find(table + " a[data-sort=title]").getText()).contains("▼");

        WebElement lis = desk.find("#system").findElements(By.tagName("option")).stream()
                .filter(o -> o.getText().equals("LIS 检验信息系统")).findFirst().orElseThrow();
        lis.click();
        desk.click("form[method=get] button[type=submit]");
        assertThat(desk.text(".list-rows")).isEqualTo("第 1–5 条，共 5 条");
        assertThat(desk.path()).contains("system=LIS", "sort=title%2Cdesc");
        assertThat(rows(desk, table)).allSatisfy(row -> assertThat(row.getText()).contains("LIS"));
        desk.screenshot("lists-" + list + "-filtered");

        String csv = desk.find(".export-csv").getAttribute("href");
        assertThat(csv).contains("system=LIS", "q=" + tag, "export=csv");
        Object text = desk.script("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                + " return x.status + '\\n' + x.responseText;", csv);
        List<String> lines = List.of(text.toString().split("\r?\n"));
        assertThat(lines.get(0)).isEqualTo("200");
        assertThat(lines.get(1)).startsWith(csvHeader);
        assertThat(lines).hasSize(2 + 5);
        assertThat(lines.get(2)).contains(tag + " " + noun + " 04", "+08:00");
        assertThat(desk.status(desk.find(".export-xlsx").getAttribute("href"))).isEqualTo(200);
        assertThat(desk.status("/opsdesk/" + list + "/export.xlsx?q=" + tag)).isEqualTo(200);

        desk.go("/opsdesk/" + list + "?q=" + tag + "&sort=description,asc");
        assertThat(desk.text("#problem")).contains("description");
        desk.go("/opsdesk/" + list + "?q=" + tag + "&lang=en");
        assertThat(desk.text(".list-rows")).contains("21");
        desk.screenshot("lists-" + list + "-en");
        assertFits(desk, table);
        desk.go("/opsdesk/" + list + "?lang=zh_CN");
    }

    /** Nothing wider than the 1440 px window: no horizontal scrolling of the page or of the table. */
    private static void assertFits(Browser desk, String table) {
        Number page = (Number) desk.script("return document.documentElement.scrollWidth;");
        Number window = (Number) desk.script("return window.innerWidth;");
        assertThat(page.intValue()).as("page width").isLessThanOrEqualTo(window.intValue());
        Number overflow = (Number) desk.script("var t = document.querySelector(arguments[0]).closest('.table-responsive');"
                + " return t.scrollWidth - t.clientWidth;", table);
        assertThat(overflow.intValue()).as("the table scrolls sideways by").isLessThanOrEqualTo(0);
    }

    private static String title(Browser desk, String table) {
        return rows(desk, table).get(0).findElement(By.cssSelector("td:nth-child(2) a")).getText();
    }

    private static List<WebElement> rows(Browser browser, String table) {
        return browser.find(table + " tbody").findElements(By.cssSelector("tr")).stream()
                .filter(r -> !r.findElements(By.cssSelector("td a")).isEmpty()).toList();
    }
}
