package org.medops.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.gateway.GatewayPorts;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Apply, review, call, revoke over real HTTP; and the service-test console's signed calls. */
@MedopsTest
class DeveloperCenterIT {

    static WireMockServer upstream = new WireMockServer(options().dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void start() {
        upstream.start();
        upstream.stubFor(any(urlPathMatching("/lis/.*")).willReturn(okJson("{\"items\":[{\"code\":\"GLU\",\"value\":5.6}]}")));
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    private record Setup(String service, String channel, SignedClient client, Api admin, Api reviewer,
                         String reviewerLogin) {
    }

    private Setup setup() {
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String service = "lis-" + suffix;
        String channel = "app-" + suffix;
        admin.post("/api/v1/services", "{\"code\":\"" + service + "\",\"name\":\"LIS 检验报告\",\"upstreamUrl\":\""
                + upstream.baseUrl() + "\",\"pathRewrite\":\"/lis\"}");
        JsonNode credentials = admin.post("/api/v1/channels", "{\"code\":\"" + channel + "\",\"name\":\"掌上医院\"}").json();
        Api reviewer = admin.newUser("rev" + suffix, "信息科审核人", "Review#Desk-2026", "HOSPITAL_REVIEWER");
        return new Setup(service, channel, new SignedClient(GatewayPorts.of(context), credentials.get("appKey").asString(),
                credentials.get("appSecret").asString()), admin, reviewer, "rev" + suffix);
    }

    @Test
    void approvalGrantsAccessAtTheGatewayAndRevocationTakesItAway() {
        Setup s = setup();
        assertThat(s.client().get("/" + s.service() + "/reports/1").code()).isEqualTo("MEDOPS-ACCESS-DENIED");

        Api.Response applied = s.admin().post("/api/v1/access-applications", """
                {"channelCode":"%s","serviceCode":"%s","purpose":"在 App 中展示检验报告","expectedDailyVolume":5000}"""
                .formatted(s.channel(), s.service()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(applied.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(s.admin().post("/api/v1/access-applications/" + id + "/approve", "{}").status())
                .as("the applicant is no reviewer").isEqualTo(403);

        assertThat(s.reviewer().post("/api/v1/access-applications/" + id + "/approve", "{}").json().get("status")
                .asString()).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(1)).until(() -> s.client().get("/" + s.service() + "/reports/1").status() == 200);

        assertThat(s.reviewer().post("/api/v1/access-applications/" + id + "/revoke", "{}").json().get("status")
                .asString()).isEqualTo("REVOKED");
        await().atMost(Duration.ofSeconds(1)).until(() ->
                "MEDOPS-ACCESS-DENIED".equals(s.client().get("/" + s.service() + "/reports/1").code()));
        assertThat(s.reviewer().get("/api/v1/access-applications?status=REVOKED").body()).contains(s.channel());
    }

    @Test
    void aRejectionMustGiveAReason() {
        Setup s = setup();
        long id = s.admin().post("/api/v1/access-applications", """
                {"channelCode":"%s","serviceCode":"%s","purpose":"测试"}""".formatted(s.channel(), s.service()))
                .json().get("id").asLong();
        Api.Response withoutReason = s.reviewer().post("/api/v1/access-applications/" + id + "/reject", "{}");
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("code").asString()).isEqualTo("reason-required");
        JsonNode rejected = s.reviewer().post("/api/v1/access-applications/" + id + "/reject",
                "{\"reason\":\"用途不明确，请补充业务场景\"}").json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asString()).contains("用途不明确");
        assertThat(s.reviewer().post("/api/v1/access-applications/" + id + "/approve", "{}").status()).isEqualTo(409);
    }

    @Test
    void aGrantHeldIsNotAppliedForTwiceAndAnApplicationWhoseGrantIsGoneCanStillBeRevoked() {
        Setup s = setup();
        long id = s.admin().post("/api/v1/access-applications", """
                {"channelCode":"%s","serviceCode":"%s","purpose":"查询检验报告"}""".formatted(s.channel(), s.service()))
                .json().get("id").asLong();
        assertThat(s.reviewer().post("/api/v1/access-applications/" + id + "/approve", "{}").status()).isEqualTo(200);
        Api.Response again = s.admin().post("/api/v1/access-applications", """
                {"channelCode":"%s","serviceCode":"%s","purpose":"再申请一次"}""".formatted(s.channel(), s.service()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("application-granted");

        assertThat(s.admin().delete("/api/v1/channels/" + s.channel() + "/grants/" + s.service()).status()).isEqualTo(204);
        Api.Response revoked = s.reviewer().post("/api/v1/access-applications/" + id + "/revoke", "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void theServiceTestConsoleSignsOnTheServerAndKeepsAHistory() {
        Setup s = setup();
        s.admin().post("/api/v1/channels/" + s.channel() + "/grants", "{\"serviceCode\":\"" + s.service() + "\"}");
        await().atMost(Duration.ofSeconds(1)).until(() -> s.client().get("/" + s.service() + "/reports/2").status() == 200);

        Api.Response result = s.admin().post("/api/v1/service-tests", """
                {"channelCode":"%s","method":"GET","path":"/%s/reports/9","query":"b=2&a=1","headers":"Accept: application/json"}"""
                .formatted(s.channel(), s.service()));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(body.get("status").asInt()).as(result.body()).isEqualTo(200);
        assertThat(body.get("body").asString()).contains("\"GLU\"").contains("\n");
        assertThat(body.get("stringToSign").asString()).startsWith("GET\n/" + s.service() + "/reports/9\na=1&b=2\n");
        String secret = s.admin().get("/api/v1/channels/" + s.channel()).body();
        assertThat(result.body()).doesNotContain("appSecret");
        assertThat(secret).doesNotContain("appSecret");
        upstream.verify(getRequestedFor(urlPathEqualTo("/lis/reports/9"))
                .withHeader("X-Request-Id", equalTo(body.get("requestId").asString())));

        JsonNode history = s.admin().get("/api/v1/service-tests").json();
        long testId = history.get(0).get("id").asLong();
        assertThat(history.get(0).get("path").asString()).isEqualTo("/" + s.service() + "/reports/9");
        assertThat(s.admin().post("/api/v1/service-tests/" + testId + "/rerun", "{}").json().get("status").asInt())
                .isEqualTo(200);
        assertThat(s.reviewer().post("/api/v1/service-tests", """
                {"channelCode":"%s","method":"GET","path":"/%s/reports/1"}""".formatted(s.channel(), s.service()))
                .status()).as("reviewers do not send test calls").isEqualTo(403);
    }

    @Test
    void theSignatureCheckerReproducesTheDocumentedExample() {
        JsonNode check = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).post("/api/v1/signature/check", """
                {"method":"POST","path":"/his/patients/search","query":"page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU",
                 "timestamp":"1795400000000","nonce":"9f1c2d3e4b5a69788796a5b4c3d2e1f0",
                 "body":"{\\"idType\\":\\"card\\",\\"pageSize\\":20}","secret":"demo-secret-please-change"}""").json();
        assertThat(check.get("canonicalQuery").asString()).isEqualTo("dept=ICU&dept=cardiology&name=%E5%BC%A0%E4%B8%89&page=1");
        assertThat(check.get("bodySha256").asString())
                .isEqualTo("083914718aa306588da16c5a05020b189cb34b583f1e30cb2eb42079f7aeb55f");
        assertThat(check.get("signature").asString()).isEqualTo("BsD7NjVofbVYE429L1WP9ZP7OoqvHCkgFYsqD/XVcys=");
        assertThat(check.toString()).doesNotContain("demo-secret-please-change");
    }

    @Test
    void aReviewerApprovesAndAnAdministratorTestsInTheBrowser() {
        Setup s = setup();
        long id = s.admin().post("/api/v1/access-applications", """
                {"channelCode":"%s","serviceCode":"%s","purpose":"预约挂号后查询检验报告","expectedDailyVolume":800}"""
                .formatted(s.channel(), s.service())).json().get("id").asLong();
        try (Browser browser = Browser.open(port)) {
            browser.login(s.reviewerLogin(), "Review#Desk-2026").waitForPath("/");
            browser.go("/access/applications?status=SUBMITTED").screenshot("50-review-queue");
            browser.click("#approve-" + id);
            assertThat(browser.text("#notice")).contains("已批准");
            browser.click("#logout");

            browser.login("admin", MedopsTest.ADMIN_PASSWORD).go("/service-test")
                    .type("#path", "/" + s.service() + "/reports/7").type("#query", "patient=P001");
            browser.find("#channelCode").sendKeys(s.channel());
            browser.click("#send-test");
            assertThat(browser.text("#result-status")).isEqualTo("200");
            assertThat(browser.text("#result-sts")).contains("patient=P001");
            assertThat(browser.text("#result-body")).contains("GLU");
            assertThat(browser.pageText()).doesNotContain("appSecret");
            browser.screenshot("51-service-test");
            browser.type("#check-form input[name=method]", "POST").type("#check-form input[name=path]", "/his/patients/search")
                    .type("#check-form input[name=query]", "page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU")
                    .type("#check-form input[name=timestamp]", "1795400000000")
                    .type("#check-form input[name=nonce]", "9f1c2d3e4b5a69788796a5b4c3d2e1f0")
                    .type("#check-form textarea[name=body]", "{\"idType\":\"card\",\"pageSize\":20}")
                    .type("#check-form input[name=secret]", "demo-secret-please-change").click("#check");
            assertThat(browser.text("#check-signature")).isEqualTo("BsD7NjVofbVYE429L1WP9ZP7OoqvHCkgFYsqD/XVcys=");
            assertThat(browser.pageText()).doesNotContain("demo-secret-please-change");
            browser.screenshot("52-signature-checker");
        }
    }
}
