package org.medops.signature.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In the console: a reviewer signs an inspection report, follows the report's electronic-signature link to the
 * verify page, which names the signer and the SM2 certificate; then uploads a copy with one byte changed and is
 * told the document changed after signing — in Chinese, and in English on request.
 */
@MedopsTest
class SignatureBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theVerifyPageConfirmsASignedReportAndFindsAChangedCopy() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))
                        || Files.isReadable(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf")),
                "SKIPPING: no CJK TrueType font for the report's PDF; apt-get install fonts-droid-fallback");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String account = "verify" + suffix;
        admin.newUser(account, "信息科 陈静", "Info#Sign-2026", "HOSPITAL_REVIEWER");
        RoundFixture fixture = new RoundFixture(jdbc);
        String host = "lis-" + suffix;
        fixture.target(host, "检验系统服务器");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        long round = fixture.round("QUARTERLY", "MANUAL", null, at, false);
        fixture.item(round, host, "SERVICES_UP", "PASS", "lis: active", "active", "$ systemctl is-active lis", at);

        try (Browser browser = Browser.open(port)) {
            browser.login(account, "Info#Sign-2026").waitForPath("/");
            browser.go("/inspection/rounds/" + round + "/report");
            browser.type("#sign-name", "陈静").type("#sign-statement", "已核对，同意。");
            browser.click("#report-sign");
            assertThat(browser.text("#report-e-signature")).contains("SM2");
            browser.scrollTo("#report-e-signature").screenshot("signature-report-signed");
            browser.click("#report-e-signature-verify");
            assertThat(browser.path()).startsWith("/signatures/verify?document=");
            assertThat(browser.find("#verification-status").getAttribute("data-status")).isEqualTo("valid");
            assertThat(browser.text("#verification-status")).contains("签名有效");
            assertThat(browser.text("#signature-1")).contains("陈静").contains("MedOps CA").contains("SM3withSM2");
            assertThat(browser.text("#signed-documents")).contains("第 " + round + " 轮巡检报告");
            browser.screenshot("signature-verify-valid");

            byte[] pdf = new Api(port).as(account, "Info#Sign-2026")
                    .download("/api/v1/inspection/rounds/" + round + "/report.pdf").body();
            String raw = new String(pdf, StandardCharsets.ISO_8859_1);
            pdf[raw.indexOf("stream", 200) + 20] ^= 0x01;
            Path changed = Files.createTempFile(Path.of("target").toAbsolutePath(), "changed-report-", ".pdf");
            Files.write(changed, pdf);

            browser.go("/signatures/verify");
            browser.find("#verify-file").sendKeys(changed.toString());
            browser.click("#verify-submit");
            assertThat(browser.find("#verification-status").getAttribute("data-status")).isEqualTo("changed");
            assertThat(browser.text("#verification-status")).contains("签署后被改动");
            assertThat(browser.text("#signature-1")).contains("陈静");
            browser.screenshot("signature-verify-changed");

            browser.go("/signatures/verify?lang=en");
            browser.find("#verify-file").sendKeys(changed.toString());
            browser.click("#verify-submit");
            assertThat(browser.text("#verification-status")).contains("changed after it was signed");
            browser.screenshot("signature-verify-changed-en");
        }
    }
}
