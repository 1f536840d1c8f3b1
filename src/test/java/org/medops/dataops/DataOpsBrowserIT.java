package org.medops.dataops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A vendor engineer fixes three wrong visit states in the HIS test database through the pages: drafts the request,
 * previews it (row count, masked before-images), the hospital's reviewer approves it, the engineer executes it.
 */
@MedopsTest
class DataOpsBrowserIT {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String PASSWORD = "Dataops#Browser-2026";

    @LocalServerPort
    int port;

    @Test
    void aRequestFromPreviewToExecutionThroughThePages() throws SQLException {
        Assumptions.assumeTrue(Reachable.port(5432), () -> {
            System.err.println("SKIPPED: no PostgreSQL on 127.0.0.1:5432 — DataOpsBrowserIT did not run");
            return "no PostgreSQL on 127.0.0.1:5432";
        });
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String table = "his_visits_" + suffix;
        String secret = "Browser-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (visit_no varchar(20) primary key, patient_name varchar(50),"
                    + " id_card varchar(18), state varchar(20))");
            s.execute("insert into " + table + " values ('MZ20261204001', '张三丰', '110101199001011234', 'STUCK'),"
                    + " ('MZ20261204002', '李四光', '110101198505052345', 'STUCK'),"
                    + " ('MZ20261204003', '王五', '110101197712123456', 'STUCK'),"
                    + " ('MZ20261204004', '赵六', '110101196603034567', 'DONE')");
        }
        try {
            Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
            String engineer = "dob-e" + suffix;
            String reviewer = "dob-r" + suffix;
            admin.newUser(engineer, "运维工程师 刘洋", PASSWORD, "OPS_ENGINEER");
            admin.newUser(reviewer, "服务经理 陈静", PASSWORD, "SERVICE_MANAGER");
            long ticket = DataOpsScenario.ticket(admin);
            String target = "his-test-" + suffix;
            Api.Response saved = admin.post("/api/v1/inspection/targets", """
                    {"code": "%s", "name": "HIS 测试库 %s", "kind": "POSTGRESQL",
                     "connection": {"url": "%s", "username": "postgres", "password": "%s"}}"""
                    .formatted(target, suffix, URL, secret));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);

            try (Browser browser = Browser.open(port)) {
                // The production mark on the target form: ticked, saved, shown; unticked again for this test database.
                browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
                browser.go("/inspection/targets/" + target).tick("#target-production").click("#target-save");
                assertThat(browser.find("#target-production").isSelected()).isTrue();
                browser.screenshot("dataops-00-target-production");
                browser.tick("#target-production").click("#target-save");
                assertThat(browser.find("#target-production").isSelected()).isFalse();
            }
            assertThat(admin.get("/api/v1/inspection/targets/" + target).json().get("production").asBoolean()).isFalse();

            String id;
            try (Browser browser = Browser.open(port)) {
                browser.login(engineer, PASSWORD).waitForPath("/");
                browser.click("#nav-dataops").waitForPath("/dataops");
                browser.click("#dataops-new").waitForPath("/dataops/new");
                browser.click("#op-submit");
                assertThat(browser.text("#problem")).contains("SQL");
                browser.set("#op-target", target)
                        .type("#op-sql", "update " + table + " set state = 'DONE' where state = 'STUCK'")
                        .type("#op-rollback", "update " + table + " set state = 'STUCK' where visit_no in"
                                + " ('MZ20261204001', 'MZ20261204002', 'MZ20261204003')")
                        .type("#op-expected", "3").type("#op-ticket", Long.toString(ticket))
                        .type("#op-reason", "门诊结算后就诊状态未更新（工单 " + ticket + "），修正为已完成");
                browser.screenshot("dataops-01-new-request");
                browser.click("#op-submit");
                assertThat(browser.path()).matches("/dataops/\\d+");
                id = browser.path().substring("/dataops/".length());
                assertThat(browser.text("#notice")).contains("请先预览");
                assertThat(browser.text("#dataop-status")).isEqualTo("待复核");
                assertThat(browser.findAll("#execute-form")).isEmpty();

                browser.click("#preview-submit");
                assertThat(browser.text("#notice")).contains("预览已完成");
                assertThat(browser.text("#dataops-preview")).contains("影响 3 行", "张*丰", "修改前数据 3 行")
                        .doesNotContain("张三丰", "110101199001011234");
                assertThat(browser.text("#dataop-preview-check")).contains("一致");
                assertThat(browser.findAll("#review-form")).as("not for the author").isEmpty();
                browser.screenshot("dataops-02-previewed");
            }
            assertThat(state(table, "DONE")).as("the preview rolled back").isEqualTo(1);

            try (Browser browser = Browser.open(port)) {
                browser.login(reviewer, PASSWORD).waitForPath("/");
                browser.go("/dataops?status=AWAITING_REVIEW&target=" + target);
                assertThat(browser.text("#dataop-" + id)).contains("待复核", "刘洋");
                browser.screenshot("dataops-03-list-awaiting-review");
                browser.click("#dataop-" + id + " a");
                browser.click("#approve-submit");
                assertThat(browser.text("#problem")).contains("复核意见");
                browser.type("#review-reason", "核对修改前数据与工单一致，同意执行").click("#approve-submit");
                assertThat(browser.text("#dataop-status")).isEqualTo("已批准");
                assertThat(browser.text("#dataop-review")).contains("陈静", "同意执行");
                assertThat(browser.findAll("#execute-form")).as("the reviewer does not execute").isEmpty();
                browser.screenshot("dataops-04-approved");
            }

            try (Browser browser = Browser.open(port)) {
                browser.login(engineer, PASSWORD).waitForPath("/");
                browser.go("/dataops/" + id).click("#execute-submit");
                assertThat(browser.text("#notice")).contains("已执行并提交");
                assertThat(browser.text("#dataop-status")).isEqualTo("已执行");
                assertThat(browser.text("#dataops-execution")).contains("已提交", "影响 3 行");
                assertThat(browser.text("#dataop-timeline")).contains("提交申请", "预览", "批准", "执行成功");
                assertThat(browser.pageText()).doesNotContain(secret);
                browser.screenshot("dataops-05-executed");
                browser.scrollTo("#dataops-execution").screenshot("dataops-06-executed-before-images");
                browser.go("/dataops/" + id + "?lang=en");
                assertThat(browser.text("#dataop-status")).isEqualTo("Executed");
                assertThat(browser.text("#dataops-execution")).contains("Committed");
                browser.screenshot("dataops-07-executed-en");
                browser.go("/dataops?lang=zh_CN");
            }
            assertThat(state(table, "DONE")).isEqualTo(4);
        } finally {
            try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("drop table if exists " + table);
            }
        }
    }

    static long state(String table, String state) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table + " where state = '" + state + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
