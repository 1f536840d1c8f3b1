package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration engineer creates a channel on the console, a HIS sends a message, the browser shows raw vs transformed. */
@MedopsTest
class IntegrationBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void createsAChannelOnTheConsoleAndShowsAMessageRawAndTransformed() throws Exception {
        Receiver emr = new Receiver();
        String code = "adt-" + UUID.randomUUID().toString().substring(0, 6);
        int mllp = ForkedMedops.freePort();
        String document = IntegrationEngineIT.channel(code, mllp, "/adt", IntegrationEngineIT.TRANSFORMER)
                .replace(IntegrationEngineIT.receiver.url("/adt"), emr.url("/adt"));
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/channels").click("#integration-new-channel");
            browser.set("#code", code).set("#document", document.replace("\"port\": " + mllp, "\"port\": 99999"))
                    .click("#integration-save");
            assertThat(browser.text("#problem")).contains("来源端口须为 1–65535");
            browser.screenshot("60-integration-channel-invalid");

            browser.set("#document", document).click("#integration-save").waitForPath("/integration/channels/" + code);
            assertThat(browser.text("#notice")).contains("通道已保存");
            browser.screenshot("61-integration-channel-saved");

            String ack;
            try (MllpClient his = MllpClient.await(mllp)) {
                ack = his.send(IntegrationEngineIT.adt("B-1", "P778899", "李雷"));
            }
            assertThat(ack).contains("MSA|AA|B-1");
            await().atMost(Duration.ofSeconds(10)).until(() -> emr.accepted("/adt").size() == 1);

            await().atMost(Duration.ofSeconds(10)).until(() -> browser.go("/integration/channels")
                    .text("#integration-channels").contains(code));
            browser.screenshot("62-integration-channels");
            browser.go("/integration/messages?channel=" + code).screenshot("63-integration-messages");
            assertThat(browser.text("#integration-messages")).contains("B-1", "ADT^A01");
            String detail = URI.create(browser.find("#integration-messages tbody a").getAttribute("href")).getPath();
            assertThat(browser.status(detail)).as("message content is data, not the administrator's").isEqualTo(403);
            new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).contentReader();
            try (Browser engineer = Browser.open(port)) {
                engineer.login(Api.CONTENT_FIXTURE, Api.FIXTURE_PASSWORD).waitForPath("/");
                engineer.go(detail);
                assertThat(engineer.text("#integration-raw")).contains("MSH|^~\\&|HIS").doesNotContain("P778899");
                assertThat(engineer.text("#integration-transformed")).contains("\"source\":\"HIS\"", "\"sex\":\"女\"");
                assertThat(engineer.text("#integration-deliveries")).contains("emr", "已发送");
                engineer.screenshot("64-integration-message-raw-vs-transformed");
            }

            browser.go("/integration/channels/" + code).click("#integration-toggle");
            assertThat(browser.text("#integration-state")).contains("已停用");
        } finally {
            emr.down();
        }
    }
}
