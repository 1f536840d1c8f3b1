package org.medops.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.reporting.ServiceReportContributor;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The quarterly service report and the annual summary from facts recorded through the other modules' APIs: a
 * critical ticket's outage, a recurrence, a requirement, a defect, an inspection round; the sections contributors
 * add, in their order; the suggestions written by a reviewer and audited; the PDF and Word text read back (in
 * Chinese), the Excel sheets read back as numbers.
 */
@MedopsTest
class ServiceReportsIT {

    private static final ZoneId HOSPITAL = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpsdeskSystems systems;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ReportFiles files;

    private final List<String> registered = new ArrayList<>();
    private String suffix;
    private String system;
    private String quarter;
    private String year;
    private Api admin;
    private Api engineer;
    private Api reviewer;

    /** A contributor of the test: its section echoes the period it was asked for. */
    record Contributor(int order, String code, String title) implements ServiceReportContributor {

        @Override
        public List<Section> sections(Period period, Locale locale) {
            if (code.equals("broken")) {
                throw new IllegalStateException("a contributor that fails");
            }
            return List.of(new Section(code, title, List.of("期间 " + period.label() + "：" + period.first() + "～"
                    + period.last()), List.of("日期", "主题", "课时"), List.of(List.of("2026-11-02", "HIS 新版本操作培训", "2"))));
        }
    }

    @BeforeEach
    void facts() {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        system = "SR" + suffix.toUpperCase();
        systems.save(new OpsdeskSystems.OpsdeskSystem(system, "报告测试系统 " + suffix, true));
        LocalDate today = LocalDate.now(HOSPITAL);
        quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        year = String.valueOf(today.getYear());
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        engineer = admin.newUser("sre" + suffix, "工程师 报告", "Eng#Report-2026", "OPS_ENGINEER");
        reviewer = admin.newUser("srr" + suffix, "考评科室 周", "Rev#Report-2026", "HOSPITAL_REVIEWER");
    }

    @AfterEach
    void unregister() {
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        registered.forEach(beans::destroySingleton);
        registered.clear();
    }

    private void contribute(String name, ServiceReportContributor contributor) {
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerSingleton(name, contributor);
        registered.add(name);
    }

    private JsonNode ticket(String title, String priority, Instant occurred) {
        Api.Response created = engineer.post("/api/v1/opsdesk/tickets", """
                {"title":"%s","phenomenon":"门诊挂号界面卡住，无法提交","occurredAt":"%s","impactScope":"门诊",
                 "systems":["%s"],"category":"SOFTWARE","reporter":"门诊部","contact":"8001","source":"PHONE",
                 "priority":"%s"}""".formatted(title, occurred, system, priority));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private void repair(long id) {
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
        Api.Response fixed = engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"重启挂号服务\"}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        reviewer.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"周\",\"statement\":\"已恢复\"}");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static long count(JsonNode counts, String key) {
        for (JsonNode node : counts) {
            if (node.get("key").asString().equals(key)) {
                return node.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void theQuarterCountsTicketsOutagesRecurrencesWorkAndInspectionsRecordedThroughTheOtherModules() {
        JsonNode before = reviewer.get("/api/v1/reports/service?period=" + quarter).json();

        JsonNode critical = ticket("挂号服务中断 " + suffix, "CRITICAL", Instant.now().minus(100, ChronoUnit.MINUTES));
        repair(critical.get("id").asLong());
        JsonNode again = ticket("挂号服务再次中断 " + suffix, "MEDIUM", Instant.now().minus(5, ChronoUnit.MINUTES));
        Api.Response linked = engineer.post("/api/v1/opsdesk/tickets/" + again.get("id").asLong()
                + "/recurrence/confirm", "{\"earlierNumber\":\"" + critical.get("number").asString() + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);

        long requirement = reviewer.post("/api/v1/opsdesk/requirements", """
                {"title":"报告测试需求 %s","description":"挂号单增加二维码","systemCode":"%s","submitter":"门诊部"}"""
                .formatted(suffix, system)).json().get("id").asLong();
        engineer.post("/api/v1/opsdesk/requirements/" + requirement + "/analysis", "{}");
        Api.Response rejected = engineer.post("/api/v1/opsdesk/requirements/" + requirement + "/reject",
                "{\"reason\":\"与医保接口规范冲突\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        Api.Response defect = engineer.post("/api/v1/opsdesk/defects", """
                {"title":"挂号缺陷 %s","description":"并发提交时重复挂号","systemCode":"%s","severity":"MAJOR",
                 "product":"HIS","productVersion":"5.2.1"}""".formatted(suffix, system));
        assertThat(defect.status()).as(defect.body()).isIn(200, 201);

        RoundFixture rounds = new RoundFixture(jdbc);
        String host = "his-db-" + suffix;
        rounds.target(host, "HIS 数据库服务器 " + suffix);
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        long round = rounds.round("QUARTERLY", "MANUAL", null, at, false);
        rounds.item(round, host, "PARTITION_USAGE", "FAIL", "/data 97%", "< 95%", "$ df -h", at);
        rounds.item(round, host, "SERVICES_UP", "PASS", "postgresql: active", "active", "$ systemctl", at);

        Api.Response response = reviewer.get("/api/v1/reports/service?period=" + quarter);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode r = response.json();
        assertThat(r.get("period").asString()).isEqualTo(quarter);
        assertThat(r.get("kind").asString()).isEqualTo("QUARTER");
        assertThat(r.get("running").asBoolean()).isTrue();
        JsonNode tickets = r.get("tickets");
        assertThat(tickets.get("reported").asLong() - before.get("tickets").get("reported").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(count(tickets.get("byPriority"), "CRITICAL") - count(before.get("tickets").get("byPriority"),
                "CRITICAL")).isGreaterThanOrEqualTo(1);
        assertThat(count(tickets.get("bySystem"), system)).isEqualTo(2);
        assertThat(count(tickets.get("byCategory"), "SOFTWARE")).isGreaterThanOrEqualTo(2);
        JsonNode compliance = find(tickets.get("complianceBySystem"), "key", system);
        assertThat(compliance.get("met").asLong()).as("the repaired ticket's response and resolution").isEqualTo(2);

        JsonNode outage = find(r.get("outages"), "number", critical.get("number").asString());
        assertThat(outage.get("minutes").asLong()).isBetween(99L, 103L);
        assertThat(outage.get("restoredAt").isNull()).isFalse();
        assertThat(r.get("outageMinutes").asLong()).isGreaterThanOrEqualTo(outage.get("minutes").asLong());
        JsonNode status = find(r.get("systems"), "code", system);
        assertThat(status.get("tickets").asLong()).isEqualTo(2);
        assertThat(status.get("outageMinutes").asLong()).isEqualTo(outage.get("minutes").asLong());
        assertThat(status.get("name").asString()).isEqualTo("报告测试系统 " + suffix);

        JsonNode recurring = find(r.get("recurringFaults"), "number", critical.get("number").asString());
        assertThat(recurring.get("occurrences").asLong()).isEqualTo(2);
        assertThat(recurring.get("recurrences").asLong()).isEqualTo(1);
        assertThat(recurring.get("system").asString()).isEqualTo(system);

        assertThat(r.get("requirements").get("opened").asLong() - before.get("requirements").get("opened").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(r.get("requirements").get("handled").asLong() - before.get("requirements").get("handled").asLong())
                .as("the rejection answers it").isGreaterThanOrEqualTo(1);
        assertThat(r.get("defects").get("opened").asLong() - before.get("defects").get("opened").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(count(r.get("defects").get("byStatus"), "OPEN")).isPositive();

        JsonNode inspections = r.get("inspections");
        assertThat(inspections.get("rounds").asLong() - before.get("inspections").get("rounds").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(inspections.get("fail").asLong() - before.get("inspections").get("fail").asLong())
                .isGreaterThanOrEqualTo(1);
        JsonNode finding = find(inspections.get("findings"), "target", "HIS 数据库服务器 " + suffix);
        assertThat(finding.get("check").asString()).isEqualTo("分区使用率");
        assertThat(finding.get("result").asString()).isEqualTo("FAIL");
        assertThat(r.get("integration").get("received").asLong()).isNotNegative();
        assertThat(r.get("quarters")).isEmpty();
    }

    @Test
    void contributorsSectionsComeInTheirOrderAndOneThatFailsDoesNotSinkTheReport() {
        contribute("trainings" + suffix, new Contributor(20, "trainings", "培训情况"));
        contribute("visits" + suffix, new Contributor(10, "visits", "服务回访"));
        contribute("broken" + suffix, new Contributor(30, "broken", "坏的"));

        JsonNode r = reviewer.get("/api/v1/reports/service?period=" + quarter).json();
        List<String> codes = new ArrayList<>();
        r.get("sections").forEach(s -> codes.add(s.get("code").asString()));
        assertThat(codes).containsSubsequence("visits", "trainings", "unavailable");
        JsonNode visits = find(r.get("sections"), "code", "visits");
        LocalDate first = LocalDate.parse(r.get("first").asString());
        assertThat(visits.get("lines").get(0).asString()).isEqualTo("期间 " + quarter + "：" + first + "～"
                + first.plusMonths(3).minusDays(1));
        assertThat(find(r.get("sections"), "code", "unavailable").get("title").asString()).isEqualTo("部分内容暂不可用");

        JsonNode annual = reviewer.get("/api/v1/reports/service?period=" + year).json();
        assertThat(find(annual.get("sections"), "code", "visits").get("lines").get(0).asString())
                .isEqualTo("期间 " + year + "：" + year + "-01-01～" + year + "-12-31");
    }

    @Test
    void suggestionsAreWrittenByTheReviewersVersionedAndAudited() {
        String period = (LocalDate.now(HOSPITAL).getYear() - 1) + "-Q2";
        String path = "/api/v1/reports/service/suggestions?period=" + period;
        jdbc.sql("delete from reporting_report_suggestions where period = :p").param("p", period).update();

        assertThat(admin.put(path, "{\"text\":\"x\"}").status()).as("reading is not scoring").isEqualTo(403);
        Api.Response first = reviewer.put(path, "{\"text\":\"  建议节前对 HIS 数据库扩容。\\n建议增加夜间值班。  \",\"version\":0}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("text").asString()).isEqualTo("建议节前对 HIS 数据库扩容。\n建议增加夜间值班。");
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("updatedBy").asString()).isEqualTo("srr" + suffix);

        Api.Response stale = reviewer.put(path, "{\"text\":\"被覆盖？\",\"version\":0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("report-suggestions-changed");
        assertThat(reviewer.put(path, "{\"text\":\"" + "长".repeat(10_001) + "\"}").status()).isEqualTo(400);
        Api.Response second = reviewer.put(path, "{\"text\":\"建议节前对 HIS 数据库扩容 200 GB。\",\"version\":1}");
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        JsonNode report = admin.get("/api/v1/reports/service?period=" + period).json();
        assertThat(report.get("suggestions").get("text").asString()).isEqualTo("建议节前对 HIS 数据库扩容 200 GB。");
        assertThat(report.get("running").asBoolean()).isFalse();
        assertThat(jdbc.sql("""
                        select action from audit_records where target_type = 'service-report' and target_id = :p
                        order by seq""").param("p", period).query(String.class).list())
                .containsExactly("service-report.suggestions", "service-report.suggestions");
    }

    @Test
    void aQuarterWithoutFinishedSlaClocksReportsNoRateRatherThanAPerfectOne() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                reviewer.download("/api/v1/reports/service/docx?period=2012-Q1").body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("SLA 达标率 —（").doesNotContain("100%");
        }
    }

    @Test
    void theReportCountsThePlannedInspectionRoundsThatWereMissed() throws IOException {
        Api.Response created = admin.post("/api/v1/inspection/schedules", """
                {"name": "季度巡检 %s", "template": "QUARTERLY", "cron": "0 9 1 1,4,7,10 *"}""".formatted(suffix));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        try {
            jdbc.sql("update inspection_schedules set created_at = :at where id = :id").param("at",
                    java.sql.Timestamp.from(java.time.Instant.parse("2011-12-31T00:00:00Z"))).param("id", id).update();
            JsonNode planned = reviewer.get("/api/v1/reports/service?period=2012-Q2").json().get("plannedRounds");
            assertThat(planned.get("planned").asInt()).isEqualTo(1);
            assertThat(planned.get("missed").asInt()).isEqualTo(1);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                    reviewer.download("/api/v1/reports/service/docx?period=2012-Q2").body()));
                 XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                assertThat(extractor.getText()).contains("按巡检计划本期应巡检 1 轮：已完成 0 轮，漏检 1 轮。");
            }
        } finally {
            admin.delete("/api/v1/inspection/schedules/" + id);
        }
    }

    @Test
    void aBadPeriodIsAProblemAndReadingNeedsThePermission() {
        for (String bad : List.of("2026-Q5", "26-Q1", "2026Q1", "abc", "1999")) {
            Api.Response refused = reviewer.get("/api/v1/reports/service?period=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).contains("problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("report-period-invalid");
        }
        assertThat(reviewer.get("/api/v1/reports/service").status()).isEqualTo(400);
        assertThat(reviewer.download("/api/v1/reports/service/pdf?period=2026-Q9").status()).isEqualTo(400);
        assertThat(new Api(port).get("/api/v1/reports/service?period=" + quarter).status()).isEqualTo(401);
        Api staff = admin.newUser("srs" + suffix, "院方 职员", "Staff#Report-2026", "HOSPITAL_STAFF");
        assertThat(staff.get("/api/v1/reports/service?period=" + quarter).status()).isEqualTo(403);
    }

    @Test
    void thePdfWordAndExcelCarryTheFiguresChartsContributorsAndSuggestionsInChinese() throws IOException {
        JsonNode critical = ticket("影像归档中断 " + suffix, "CRITICAL", Instant.now().minus(45, ChronoUnit.MINUTES));
        repair(critical.get("id").asLong());
        contribute("trainings" + suffix, new Contributor(20, "trainings", "培训情况"));
        jdbc.sql("delete from reporting_report_suggestions where period = :p").param("p", quarter).update();
        assertThat(reviewer.put("/api/v1/reports/service/suggestions?period=" + quarter,
                "{\"text\":\"建议为影像归档配置双机热备。\"}").status()).isEqualTo(200);
        String number = critical.get("number").asString();
        String systemName = "报告测试系统 " + suffix;

        Api.Download docx = reviewer.download("/api/v1/reports/service/docx?period=" + quarter);
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.header("Content-Disposition")).contains("medops-service-report-" + quarter + ".docx");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/service-report.docx"), docx.body());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains(quarter + " 季度服务报告", "总体情况", "工单统计（按优先级）与 SLA 达标", "紧急",
                    "紧急故障业务中断", number, systemName, "巡检情况", "培训情况", "HIS 新版本操作培训", "优化建议",
                    "建议为影像归档配置双机热备。");
            assertThat(doc.getAllPictures()).as("the charts").hasSizeGreaterThanOrEqualTo(2);
            assertThat(doc.getAllPictures().get(0).getData()).startsWith(0x89, 'P', 'N', 'G');
        }

        Api.Download xlsx = reviewer.download("/api/v1/reports/service/xlsx?period=" + quarter);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetName(0)).isEqualTo("概述");
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(quarter + " 季度服务报告");
            Sheet bySystem = book.getSheet("各系统工单与 SLA 达标");
            assertThat(bySystem).isNotNull();
            assertThat(bySystem.getRow(0).getCell(0).getStringCellValue()).isEqualTo("系统");
            Row mine = null;
            for (Row row : bySystem) {
                if (row.getCell(0).getStringCellValue().equals(systemName)) {
                    mine = row;
                }
            }
            assertThat(mine).as("the test system's row").isNotNull();
            Cell tickets = mine.getCell(1);
            assertThat(tickets.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(tickets.getNumericCellValue()).isEqualTo(1.0);
            assertThat(mine.getCell(5).getNumericCellValue()).as("outage minutes").isBetween(44.0, 48.0);
            assertThat(book.getSheet("培训情况").getRow(1).getCell(1).getStringCellValue()).isEqualTo("HIS 新版本操作培训");
        }

        assumeTrue(files.pdfAvailable(), "SKIPPING PDF CHECK: no CJK TrueType font; apt-get install fonts-droid-fallback");
        Api.Download pdf = reviewer.download("/api/v1/reports/service/pdf?period=" + quarter);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        Files.write(Path.of("target/screenshots/service-report.pdf"), pdf.body());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            // Table cells wrap long words, so the text is compared without its line breaks.
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("季度服务报告", "总体情况", "紧急故障业务中断", number, "优化建议",
                    "建议为影像归档配置双机热备", "培训情况", "巡检情况");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    images += page.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertThat(images).as("the charts as pictures").isGreaterThanOrEqualTo(2);
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit_records where target_type = 'service-report' and target_id = :p
                            and action = 'service-report.export'""").param("p", quarter).query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theAnnualSummaryHasTheQuartersSideBySideTheSystemStatusAndReadsInEnglishToo() throws IOException {
        JsonNode critical = ticket("年度测试 " + suffix, "HIGH", Instant.now().minus(20, ChronoUnit.MINUTES));
        repair(critical.get("id").asLong());
        JsonNode r = reviewer.get("/api/v1/reports/service?period=" + year).json();
        assertThat(r.get("kind").asString()).isEqualTo("YEAR");
        assertThat(r.get("first").asString()).isEqualTo(year + "-01-01");
        assertThat(r.get("last").asString()).isEqualTo(year + "-12-31");
        assertThat(r.get("quarters")).hasSize(4);
        JsonNode current = find(r.get("quarters"), "period", quarter);
        assertThat(current.get("reported").asLong()).isGreaterThanOrEqualTo(1);
        long sum = 0;
        for (JsonNode q : r.get("quarters")) {
            sum += q.get("reported").asLong();
        }
        assertThat(sum).as("the quarters add up to the year").isEqualTo(r.get("tickets").get("reported").asLong());
        assertThat(find(r.get("systems"), "code", system).get("tickets").asLong()).isEqualTo(1);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                reviewer.download("/api/v1/reports/service/docx?period=" + year).body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains(year + " 年度运维服务报告", "各季度对比", "问题处理情况", "系统运行状况",
                    "优化建议（年度）", year + "-Q1", year + "-Q4");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                reviewer.download("/api/v1/reports/service/docx?period=" + year + "&lang=en").body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("Annual service report " + year, "The quarters side by side",
                    "Problems handled", "System status", "Optimisation advice for the year")
                    .doesNotContain("季度服务报告");
        }
    }
}
