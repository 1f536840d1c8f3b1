package org.medops.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Finance reconciles a day through the pages: uploads the WeChat bill and the HIS's records, sees the mismatches with
 * their details, cannot close the day while any is open, handles each with a resolution and a note, closes the day.
 */
@MedopsTest
@Import(RecordedLedger.class)
class ReconciliationBrowserIT {

    static final String PASSWORD = "Finance#Browser-2026";

    @LocalServerPort
    int port;

    @Test
    void aDaysMismatchesResolvedAndTheDayClosedThroughThePages() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), () -> {
            System.err.println("SKIPPED: no /usr/bin/chromium — ReconciliationBrowserIT did not run");
            return "no chromium";
        });
        ReconciliationClient client = new ReconciliationClient(port);
        String merchant = client.merchant("WECHAT");
        String user = "rb-" + UUID.randomUUID().toString().substring(0, 6);
        client.admin().newUser(user, "财务科 钱芳", PASSWORD, "FINANCE");
        LocalDate day = LocalDate.of(2026, 11, 20);
        Path bill = Files.createTempFile("wechat-", ".csv");
        Path his = Files.createTempFile("his-", ".csv");
        Files.write(bill, new SampleBills.Wechat().pay("MZ20261120001", "120.00", at(day, 8, 30))
                .pay("MZ20261120002", "35.00", at(day, 9, 10)).pay("MZ20261120003", "88.00", at(day, 10, 0))
                .refund("MZ20261120001", "TK20261120001", "20.00", at(day, 11, 0))
                .pay("GH20261120009", "15.00", at(day, 14, 0)).bytes());
        Files.write(his, new SampleBills.His().pay("MZ20261120001", "120.00", at(day, 8, 30))
                .pay("MZ20261120002", "53.00", at(day, 9, 10)).pay("MZ20261120003", "88.00", at(day, 10, 0))
                .refund("MZ20261120001", "TK20261120001", "20.00", at(day, 11, 0))
                .pay("ZY20261120004", "500.00", at(day, 15, 0)).bytes());

        try (Browser browser = Browser.open(port)) {
            browser.login(user, PASSWORD).waitForPath("/");
            browser.click("#nav-reconciliation").waitForPath("/reconciliation");
            browser.set("#run-merchant", merchant).set("#run-date", day.toString());
            browser.find("#run-bill").sendKeys(bill.toString());
            browser.find("#run-his").sendKeys(his.toString());
            browser.screenshot("reconciliation-01-upload");
            browser.click("#recon-run");
            assertThat(browser.path()).matches("/reconciliation/runs/\\d+");
            String runPath = browser.path();
            assertThat(browser.text("#notice")).contains("对账完成");
            assertThat(browser.text("#recon-matched")).isEqualTo("3");
            assertThat(browser.text("#recon-mismatches")).isEqualTo("3");
            assertThat(browser.text("#recon-mismatch-table")).contains("HIS 有渠道无（短款）", "ZY20261120004",
                    "渠道有 HIS 无（长款）", "GH20261120009", "金额不符", "HIS 记 53.00 元，渠道记 35.00 元");
            assertThat(browser.find("#recon-close").isEnabled()).isFalse();
            browser.screenshot("reconciliation-02-mismatches");

            assertThat(browser.find("#recon-mismatch-table form.recon-resolve input[name=note]")
                    .getAttribute("required")).as("a resolution needs its note").isNotNull();
            // In the order found: the amount mismatch, the HIS-only deposit, the channel-only registration fee.
            String[][] handling = {{"ADJUST", "HIS 录入金额错误，按渠道金额调账"}, {"OFFLINE", "患者改在窗口现金缴纳，已核实收据"},
                    {"SUPPLEMENT", "挂号费已在 HIS 补记"}};
            for (String[] h : handling) {
                browser.set("#recon-mismatch-table form.recon-resolve select", h[0])
                        .type("#recon-mismatch-table form.recon-resolve input[name=note]", h[1])
                        .click("#recon-mismatch-table form.recon-resolve button");
                assertThat(browser.text("#notice")).contains("差异已处理");
            }
            assertThat(browser.text("#recon-unresolved")).contains("0");
            assertThat(browser.text("#recon-mismatch-table")).contains("补单", "线下处理", "调账", "钱芳",
                    "按渠道金额调账");
            browser.scrollTo("#recon-mismatch-table").screenshot("reconciliation-03-resolved");

            browser.click("#recon-close");
            assertThat(browser.text("#notice")).contains("对账日已关闭");
            assertThat(browser.text("#recon-status")).isEqualTo("已关闭");
            assertThat(browser.findAll("#recon-mismatch-table form.recon-resolve")).isEmpty();
            browser.screenshot("reconciliation-04-closed");

            browser.go("/reconciliation?merchant=" + merchant);
            assertThat(browser.pageText()).contains(day.toString(), "已关闭");
            browser.screenshot("reconciliation-05-list");
            assertThat(browser.status(runPath + "/report.xlsx")).isEqualTo(200);
        }
        Api finance = new Api(port).as(user, PASSWORD);
        assertThat(finance.get("/api/v1/reconciliation/runs?merchant=" + merchant).json().get("rows").get(0)
                .get("status").asString()).isEqualTo("CLOSED");
    }

    static LocalDateTime at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute));
    }
}
