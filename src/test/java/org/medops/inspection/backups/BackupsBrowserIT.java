package org.medops.inspection.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The backups page in the console: take a backup now, see it in the list, run the backup check and read its report
 * table by table; the plan form; the check list; the same in English.
 */
@MedopsTest
class BackupsBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void takesABackupChecksItAndReadsTheReport() {
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.click("#nav-inspection-backups").waitForPath("/inspection/backups");
            browser.click("#backups-take");
            await().atMost(Duration.ofSeconds(60)).until(() -> !browser.findAll("#notice").isEmpty());
            assertThat(browser.text("#notice")).isEqualTo("备份已完成。");
            assertThat(browser.findAll("#inspection-backups tbody tr[data-status='DONE']")).isNotEmpty();
            assertThat(browser.text("#inspection-backups tbody tr[data-status='DONE']")).contains("medops-", "完成", "手动");
            browser.screenshot("90-backups-list");

            browser.click("#backups-check");
            // The check restores into a scratch database first: the answer comes when it is done.
            await().atMost(Duration.ofSeconds(90)).until(() -> browser.path().startsWith("/inspection/backups/checks/"));
            browser.waitForPath("/inspection/backups/checks/");
            assertThat(browser.text("#backup-report-result")).isEqualTo("通过");
            assertThat(browser.text("#backup-report-file")).startsWith("medops-");
            assertThat(browser.findAll("#backup-report-table tbody tr[data-matches='false']")).isEmpty();
            assertThat(browser.findAll("#backup-report-table tbody tr[data-matches='true']")).hasSizeGreaterThan(50);
            assertThat(browser.text("#backup-report-table")).contains("audit_records", "一致");
            browser.screenshot("91-backup-check-report");

            browser.go("/inspection/backups");
            browser.set("#plan-keep", "9");
            browser.click("#plan-save").waitForPath("/inspection/backups");
            assertThat(browser.text("#notice")).isEqualTo("备份计划已保存。");
            assertThat(browser.find("#plan-keep").getAttribute("value")).isEqualTo("9");
            assertThat(browser.text("#backups-last-check")).contains("通过");
            browser.scrollTo("#backups-plan").screenshot("92-backups-plan");
            browser.set("#plan-keep", "7");
            browser.click("#plan-save").waitForPath("/inspection/backups");

            java.util.List<String> csv = browser.fetchLines("/inspection/backups?status=DONE&export=csv");
            assertThat(csv.get(0)).isEqualTo("200");
            assertThat(csv.get(1)).contains("备份文件", "状态", "大小");
            assertThat(csv.subList(2, csv.size())).isNotEmpty().allSatisfy(line -> assertThat(line).contains("完成"));

            browser.go("/inspection/backups/checks");
            assertThat(browser.findAll("#inspection-backup-checks tbody tr[data-status='PASSED']")).isNotEmpty();
            browser.screenshot("93-backup-checks");

            browser.go("/inspection/backups?lang=en");
            assertThat(browser.text("#backups-take")).isEqualTo("Back up now");
            assertThat(browser.text("#inspection-backups")).contains("Done", "Manual");
            browser.screenshot("94-backups-list-en");
            browser.go("/inspection/backups?lang=zh_CN");
        }
    }
}
