package org.medops.integration.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An integration engineer routes 个人信息注册 to the patient channel on 互联互通 (after a route key the page refused),
 * views its sample message, sends it as a test and sees the AA acknowledgement and the call on the route.
 */
@MedopsTest
class InteropBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void routesAnInteractionAndSendsItsSample() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String channel = "ib-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.put("/api/v1/integration/channels/" + channel, """
                {"name": "平台患者主索引", "source": {"type": "CHANNEL", "dataType": "XML"},
                 "destinations": [{"name": "empi", "type": "HTTP", "url": "http://127.0.0.1:9/empi"}]}""").status())
                .isEqualTo(201);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/channels").click("#nav-integration-interop").waitForPath("/integration/interop");
            assertThat(browser.text("#interop-endpoint")).contains("/?wsdl", "/fhir/");

            browser.type("#route-key", "PRPA-201311").set("#route-channel", channel).click("#route-save");
            assertThat(browser.text("#problem")).contains("PRPA-201311", "PRPA_IN201311UV02");

            browser.set("#route-key", "PRPA_IN201311UV02").set("#route-channel", channel)
                    .type("#route-description", "个人信息注册（患者主索引）").click("#route-save");
            assertThat(browser.text("#notice")).contains("路由已保存");
            assertThat(browser.text("#route-PRPA_IN201311UV02")).contains(channel, "个人信息注册（患者主索引）", "HL7 v3");
            assertThat(browser.text("#sample-text")).contains("PRPA_IN201311UV02", "张伟");
            browser.screenshot("90-interop-route-saved");

            browser.click("#sample-send").scrollTo("#sample-answer");
            assertThat(browser.text("#sample-answer")).contains("MCCI_IN000002UV01", "typeCode=\"AA\"");
            assertThat(browser.text("#interop-calls")).contains("AA", "stored as message");
            browser.screenshot("91-interop-sample-sent");

            browser.go("/integration/interop?kind=FHIR&size=20");
            assertThat(browser.findAll("#interop-routes tbody tr[id^='route-']")).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).contains("FHIR"));
            assertThat(browser.findAll(".list-footer .export-xlsx")).hasSize(1);
            browser.click("#issue-HIS");
            assertThat(browser.text("#notice")).contains("接入凭据已签发");
            assertThat(browser.text("#issued-username")).isEqualTo("HIS");
            assertThat(browser.text("#issued-password")).hasSizeGreaterThanOrEqualTo(32);
            assertThat(browser.text("#credential-HIS")).contains("HIS");
            browser.scrollTo("#interop-credentials").screenshot("92-interop-credential-issued");
            browser.go("/integration/interop");
            assertThat(browser.findAll("#issued-password")).as("the password is shown once").isEmpty();
            browser.click("#revoke-HIS");
            assertThat(browser.text("#notice")).contains("接入凭据已吊销");
            assertThat(browser.text("#credential-HIS")).contains("未签发");
        }
    }
}
