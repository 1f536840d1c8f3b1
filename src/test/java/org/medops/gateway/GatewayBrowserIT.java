package org.medops.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator publishes a service, onboards a channel and grants it, in a real Chromium. */
@MedopsTest
class GatewayBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    GatewayServer gateway;

    @Test
    void publishesAServiceOnboardsAChannelAndGrantsIt() {
        WireMockServer his = new WireMockServer(options().dynamicPort());
        his.start();
        his.stubFor(get(urlPathMatching("/api/.*")).willReturn(okJson("{\"queue\":12}")));
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String service = "his-" + suffix;
        String channel = "wechat-" + suffix;
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/catalog/services").click("#new-service")
                    .type("#code", service).type("#name", "HIS 挂号排队")
                    .type("#upstreamUrls", his.baseUrl()).type("#pathRewrite", "/api")
                    .type("#fallbackStatus", "200").type("#fallbackBody", "{\"queue\":null,\"degraded\":true}")
                    .screenshot("20-new-service")
                    .click("#save-service").waitForPath("/catalog/services/" + service);
            assertThat(browser.text("#notice")).contains("服务已保存");

            browser.go("/catalog/channels").click("#new-channel")
                    .type("#code", channel).type("#name", "微信公众号").type("#contact", "王工 13800000000")
                    .click("#save-channel").waitForPath("/catalog/channels/" + channel);
            String appKey = browser.text("#issued-app-key");
            String secret = browser.text("#issued-secret");
            assertThat(secret).hasSizeGreaterThan(30);
            browser.screenshot("21-channel-secret-once");

            browser.go("/catalog/channels/" + channel);
            assertThat(browser.pageText()).doesNotContain(secret);

            browser.click("#add-grant");
            assertThat(browser.text("#grants")).contains(service);
            browser.screenshot("22-channel-granted");

            SignedClient client = new SignedClient(gateway.port(), appKey, secret);
            await().atMost(Duration.ofSeconds(5)).until(() -> client.get("/" + service + "/queue").status() == 200);
            assertThat(client.get("/" + service + "/queue").body()).contains("\"queue\":12");

            browser.go("/catalog/services").screenshot("23-services");
            assertThat(browser.text("#services")).contains(service, "HIS 挂号排队");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.go("/gateway/nodes").text("#gateway-nodes")
                    .contains(gateway.nodeId()));
            browser.screenshot("24-gateway-nodes");

            browser.go("/audit");
            assertThat(browser.pageText()).contains("无权访问");
        } finally {
            his.stop();
        }
    }
}
