package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An integration engineer tries a channel's steps on a pasted sample (转换测试), then opens a delivered message
 * and sees which raw fields the steps read and where each output value came from — masked, as admin holds no
 * {@code integration:data}.
 */
@MedopsTest
class ScriptingBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void testsASampleStepByStepAndShowsAMessageWithItsFieldsHighlighted() throws Exception {
        Receiver emr = new Receiver();
        String code = "hl-" + UUID.randomUUID().toString().substring(0, 6);
        int mllp = ForkedMedops.freePort();
        String document = """
                {"name": "ADT 高亮", "source": {"type": "MLLP", "port": %d},
                 "transformer": {"steps": [
                   {"to": "patient.id", "from": "PID-3.1"},
                   {"to": "patient.name", "from": "PID-5.1"},
                   {"to": "patient.sex", "from": "PID-8", "table": {"F": "女", "M": "男"}},
                   {"to": "ward", "javascript": "return msg.PV1[0]['PV1-3']['PV1-3.1'].toLowerCase()"},
                   {"to": "source", "constant": "HIS"}]},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s"},
                   {"name": "ward", "type": "HTTP", "url": "%s",
                    "transformer": {"javascript": "return {id: output.patient.id, ward: msg.PV1[0]['PV1-3']['PV1-3.1']}"}}]}"""
                .formatted(mllp, emr.url("/adt"), emr.url("/ward"));
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        assertThat(admin.put("/api/v1/integration/channels/" + code, document).status()).isEqualTo(201);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/test?channel=" + code);
            assertThat(browser.find("#document").getAttribute("value")).contains("\"to\": \"ward\"");
            browser.set("#sample", IntegrationEngineIT.adt("H-1", "P556677", "韩梅梅").replace("\r", "\n"))
                    .click("#integration-test-run");
            assertThat(browser.text("#integration-test-outcome")).isEqualTo("通过，将排队投递");
            List<String> values = browser.findAll("#integration-test-stage-channel .integration-test-steps tbody tr").stream()
                    .map(WebElement::getText).toList();
            assertThat(values).containsExactly("1 patient.id P556677", "2 patient.name 韩梅梅", "3 patient.sex 女",
                    "4 ward icu", "5 source HIS");
            assertThat(browser.text("#integration-test-stage-ward .integration-test-output")).contains("\"ward\" : \"ICU\"");
            browser.screenshot("70-integration-transformer-test");

            browser.set("#document", document.replace("toLowerCase()", "nope()")).click("#integration-test-run");
            assertThat(browser.text("#integration-test-outcome")).isEqualTo("出错");
            assertThat(browser.text("#integration-test-stage-channel [data-step='4']")).contains("step 4 (ward) failed");
            browser.screenshot("71-integration-transformer-test-error");

            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(IntegrationEngineIT.adt("H-2", "P556677", "韩梅梅"))).contains("MSA|AA|H-2");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> emr.accepted("/adt").size() == 1 && emr.accepted("/ward").size() == 1);
            long id = admin.get("/api/v1/integration/messages?channel=" + code).json().get("rows").get(0).get("id").asLong();
            // Message content is the data right's, not the administrator's (管理权与数据权分离): an engineer reads it.
            admin.contentReader();
            try (Browser reader = Browser.open(port)) {
                reader.login(Api.CONTENT_FIXTURE, Api.FIXTURE_PASSWORD).waitForPath("/");
                reader.go("/integration/messages/" + id).screenshot("72-integration-message-highlight");
                List<String> read = reader.findAll("#integration-raw mark.integration-read").stream()
                        .map(e -> e.getAttribute("title")).toList();
                assertThat(read).containsExactlyInAnyOrder("→ patient.id", "→ patient.name", "→ patient.sex");
                assertThat(reader.text("#integration-raw")).contains("MSH|^~\\&|HIS").doesNotContain("P556677", "韩梅梅");
                assertThat(reader.text("#integration-origins")).contains("来自 PID-3.1", "来自 PID-8，经码表转换", "常量",
                        "JavaScript 脚本").doesNotContain("P556677");
                assertThat(reader.text("#integration-deliveries")).contains("目的地转换结果");
                reader.scrollTo("#integration-deliveries").screenshot("73-integration-message-destinations");
            }
        } finally {
            emr.down();
        }
    }
}
