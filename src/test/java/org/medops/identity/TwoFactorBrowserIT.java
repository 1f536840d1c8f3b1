package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Enrolment through the pages, with codes computed from the secret the page shows, then the sign-in's second step;
 * and a vendor engineer's remote-maintenance request on its page.
 */
@MedopsTest
class TwoFactorBrowserIT {

    private static final String PASSWORD = "Browser#TwoFactor-2026";

    @LocalServerPort
    int port;

    @Test
    void enrolsThroughTheAccountPageAndSignsInWithTheSecondStep() {
        String username = "tfb" + UUID.randomUUID().toString().substring(0, 5);
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser(username, "王工程师", PASSWORD, "OPS_ENGINEER");
        try (Browser browser = Browser.open(port)) {
            browser.login(username, PASSWORD).waitForPath("/");
            browser.click("#nav-account-security").waitForPath("/account/security").screenshot("tf-01-security");
            assertThat(browser.pageText()).contains("两步验证", "开始设置");
            browser.click("#totp-begin");
            String secret = browser.text("#totp-secret");
            assertThat(browser.text("#totp-uri")).startsWith("otpauth://totp/MedOps:" + username);
            assertThat(browser.findAll("#recovery-codes li")).hasSize(10);
            assertThat(scanned(browser.find("#totp-qr").getScreenshotAs(org.openqa.selenium.OutputType.BYTES)))
                    .as("the QR code an authenticator app scans is the otpauth URI").isEqualTo(browser.text("#totp-uri"));
            browser.screenshot("tf-02-enrolment");

            browser.type("#totp-code", "000000".equals(now(secret)) ? "111111" : "000000").click("#totp-confirm");
            assertThat(browser.text("#problem")).contains("验证码错误");
            browser.type("#totp-code", now(secret)).click("#totp-confirm").waitForPath("/account/security");
            assertThat(browser.text("#notice")).contains("两步验证已开启");
            assertThat(browser.pageText()).contains("已开启").doesNotContain(secret);
            browser.screenshot("tf-03-enabled");
            browser.click("#logout").waitForPath("/login");

            browser.login(username, PASSWORD).waitForPath("/login/totp").screenshot("tf-04-second-step");
            assertThat(browser.pageText()).contains("两步验证", "验证码");
            browser.type("#code", "12345").click("#totp-submit");
            assertThat(browser.text("#totp-error")).contains("验证码错误");
            browser.screenshot("tf-05-wrong-code");
            browser.type("#code", next(secret)).click("#totp-submit").waitForPath("/");
            assertThat(browser.text("#current-user")).isEqualTo("王工程师");

            browser.go("/account/security?lang=en").screenshot("tf-06-security-english");
            assertThat(browser.pageText()).contains("Two-factor sign-in", "unused recovery codes left");
            browser.go("/remote-access?lang=zh_CN");
            browser.type("#remote-system", "HIS 数据库服务器").type("#remote-reason", "异常数据调整")
                    .set("#remote-from", "2030-01-01T09:00").set("#remote-to", "2030-01-01T11:00")
                    .type("#remote-tickets", "T-2026-0012").click("#remote-submit").waitForPath("/remote-access");
            assertThat(browser.text("#notice")).contains("等待院方批准");
            assertThat(browser.text("#remote-windows")).contains("HIS 数据库服务器", "待批准", "王工程师");
            browser.screenshot("tf-07-remote-request");
        }
    }

    private static String now(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    /** The next step's code (within the drift allowed): the confirmation used the current one. */
    private static String next(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()) + 1);
    }

    /** Decodes a QR code from a PNG as a phone's camera would see it on the screen. */
    private static String scanned(byte[] png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
        } catch (java.io.IOException | com.google.zxing.ReaderException e) {
            throw new AssertionError("no readable QR code in the screenshot", e);
        }
    }
}
