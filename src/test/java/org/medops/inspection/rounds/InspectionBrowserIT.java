package org.medops.inspection.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.inspection.FakeHost;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An engineer adds a server in the console (its connection tested on save), runs a daily round on it and reads
 * the round: the full partition red with its evidence and the ticket it opened, the rest by target.
 */
@MedopsTest
class InspectionBrowserIT {

    static FakeHost host;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws Exception {
        host = new FakeHost();
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @Test
    void addsATargetRunsARoundAndReadsIt() {
        String code = "his-web-" + UUID.randomUUID().toString().substring(0, 4);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/inspection/targets");
            browser.type("#target-code", code).set("#target-kind", "SSH").type("#target-name", "HIS Web 服务器")
                    .type("#target-host", "127.0.0.1").set("#target-port", String.valueOf(host.port()))
                    .type("#target-username", FakeHost.USER).type("#target-password", FakeHost.PASSWORD)
                    .type("#target-system", "HIS").type("#target-checks", "SERVICES services=nginx,his-app\nLOG_SIZE paths=/var/log/his");
            browser.screenshot("90-inspection-target-form");
            browser.click("#target-save").waitForPath("/inspection/targets/" + code);
            assertThat(browser.text("#inspection-test")).contains("连接测试成功", "SHA256:");
            assertThat(browser.text("#target-secret-set")).contains("已设置");
            assertThat(browser.pageText()).doesNotContain(FakeHost.PASSWORD);
            assertThat(browser.text("#target-" + code)).contains("HIS Web 服务器", "服务器（SSH）", "已设置", "在用");
            browser.screenshot("91-inspection-target-saved");

            browser.go("/inspection/rounds");
            browser.set("#run-template", "DAILY").tick("#run-target-" + code);
            browser.click("#run-submit").waitForPath("/inspection/rounds/");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    "DONE".equals(browser.find("#inspection-round").getAttribute("data-status")));
            assertThat(browser.text("#round-counts")).contains("不通过 2");
            String disk = "#round-target-" + code + " tr[data-check='DISK_USAGE']";
            assertThat(browser.find(disk).getAttribute("data-result")).isEqualTo("FAIL");
            assertThat(browser.text(disk)).contains("分区使用率", "不通过", "96% /data", "< 95%");
            assertThat(browser.text("#round-target-" + code + " tr[data-check='SERVICES']")).contains("his-app=failed");
            browser.screenshot("92-inspection-round");
            browser.click(disk + " details summary");
            assertThat(browser.text(disk + " pre")).contains("$ df -P", "/dev/sdb1");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                browser.go(browser.path());
                return !browser.findAll(disk + " a.round-ticket").isEmpty();
            });
            browser.click(disk + " details summary");
            browser.scrollTo(disk).screenshot("93-inspection-round-evidence-ticket");

            browser.go("/inspection/rounds");
            assertThat(browser.text("#inspection-rounds")).contains("日常巡检", "已完成");
            browser.screenshot("94-inspection-rounds");
            browser.go("/inspection/rounds?lang=en");
            assertThat(browser.text("#inspection-rounds")).contains("Daily round", "Done");
        }
    }
}
