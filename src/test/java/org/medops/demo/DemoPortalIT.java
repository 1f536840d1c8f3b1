package org.medops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The developer portal a newcomer meets in the demo: the three demo services are published with docs, a
 * developer bound to the shared {@code wechat-mp} channel reads them and can apply, but only a channel's owner
 * may rotate its secret.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=40ms"})
class DemoPortalIT {

    static final String PASSWORD = "Dev#Portal-2026x";

    @LocalServerPort
    int port;

    private Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 5);
    }

    /** A self-registered developer approved onto {@code channel}, signed in. */
    private Api registered(Api admin, String username, String channel, boolean owner) {
        Api.Response registered = new Api(port).post("/api/v1/portal/registrations", """
                {"username":"%s","displayName":"张工","email":"%s@partner.test","phone":"13800000000",
                 "organisation":"健康云科技有限公司","channelCode":"%s","password":"%s","confirmPassword":"%s"}"""
                .formatted(username, username, channel, PASSWORD, PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api.Response approved = admin.post("/api/v1/developer-registrations/" + registered.json().get("id").asLong()
                + "/approve", "{\"channelCode\":\"" + channel + "\",\"owner\":" + owner + "}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Api(port).as(username, PASSWORD);
    }

    private void awaitDemoCatalogue(Api admin) {
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/services/yb/docs").status() == 200
                && admin.get("/api/v1/channels/hospital-app").status() == 200);
    }

    @Test
    void aDeveloperOnTheSharedDemoChannelReadsThreeDocumentedApisAndMayApply() {
        Api admin = admin();
        awaitDemoCatalogue(admin);
        String s = suffix();
        Api developer = registered(admin, "wx" + s, "wechat-mp", false);

        JsonNode apis = developer.get("/api/v1/portal/apis").json();
        assertThat(apis.findValuesAsString("code")).containsExactlyInAnyOrder("his", "lis", "yb");
        java.util.Map<String, String> paths = java.util.Map.of("his", "/patients/{patientId}:",
                "lis", "/reports/{patientId}:", "yb", "/settlements:");
        for (String code : List.of("his", "lis", "yb")) {
            Api.Response docs = developer.get("/api/v1/portal/apis/" + code);
            assertThat(docs.status()).as(docs.body()).isEqualTo(200);
            assertThat(docs.json().get("openApi").asString()).as("paths relative to the service, as the portal prints them")
                    .contains("\n  " + paths.get(code)).doesNotContain("\n  /" + code + "/");
            assertThat(docs.json().get("errorCodes").size()).as(code).isPositive();
        }
        JsonNode mine = developer.get("/api/v1/portal/channel").json();
        assertThat(mine.get("grants").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("his", "lis", "yb");
        assertThat(mine.get("owner").asBoolean()).isFalse();

        try (Browser browser = Browser.open(port)) {
            browser.login("wx" + s, PASSWORD).waitForPath("/portal");
            assertThat(browser.text("#kpi-published")).isEqualTo("3");
            assertThat(browser.text("#kpi-granted")).isEqualTo("3");
            for (String code : List.of("his", "lis", "yb")) {
                assertThat(browser.status("/portal/apis/" + code)).as("the 文档 link of granted " + code).isEqualTo(200);
            }
            assertThat(browser.pageText()).doesNotContain("轮换密钥");
            assertThat(browser.text("#portal-secret-shared")).contains("渠道负责人");
            browser.screenshot("demo-portal-shared-channel");
            browser.go("/portal/apis");
            assertThat(browser.pageText()).contains("HIS 患者与挂号服务", "LIS 检验报告查询", "医保结算")
                    .doesNotContain("医院尚未发布开放接口");
            browser.go("/portal/apis/his");
            assertThat(browser.text("#openapi")).contains("查询患者基本信息", "预约挂号", "patientId", "/his/patients/{patientId}")
                    .doesNotContain("/his/his/");
            browser.screenshot("demo-portal-api-his");
            browser.go("/portal/applications");
            assertThat(browser.find("#serviceCode").getText()).contains("(his) · 已授权", "(lis) · 已授权", "(yb) · 已授权");
            assertThat(browser.text("#portal-apply-all-granted")).contains("无需再申请");
        }

        // alipay has his and yb: the form offers lis to apply for, and the application goes through.
        Api other = registered(admin, "ali" + s, "alipay", false);
        try (Browser browser = Browser.open(port)) {
            browser.login("ali" + s, PASSWORD).waitForPath("/portal");
            browser.go("/portal/applications");
            assertThat(browser.find("#serviceCode option[value='lis']").isEnabled()).isTrue();
            assertThat(browser.find("#serviceCode option[value='his']").isEnabled()).isFalse();
            browser.set("#serviceCode", "lis").type("#purpose", "在生活号展示检验报告").click("#portal-apply");
            assertThat(browser.text("#portal-applications")).contains("lis");
        }
        assertThat(other.get("/api/v1/portal/applications").json().findValuesAsString("serviceCode")).contains("lis");
    }

    @Test
    void onlyTheChannelOwnerRotatesItsSecret() {
        Api admin = admin();
        awaitDemoCatalogue(admin);
        String s = suffix();

        Api bound = registered(admin, "bound" + s, "wechat-mp", false);
        Api.Response refused = bound.post("/api/v1/portal/channel/secret/rotate", "{\"overlapMinutes\":0}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("channel-owner-only");
        assertThat(admin.get("/api/v1/channels/wechat-mp").json().hasNonNull("owner"))
                .as("the demo's shared channel belongs to the hospital").isFalse();

        admin.post("/api/v1/channels", "{\"code\":\"own-" + s + "\",\"name\":\"合作方渠道\"}");
        Api owner = registered(admin, "owner" + s, "own-" + s, true);
        assertThat(owner.get("/api/v1/portal/channel").json().get("owner").asBoolean()).isTrue();
        Api.Response rotated = owner.post("/api/v1/portal/channel/secret/rotate", "{\"overlapMinutes\":0}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("appSecret").asString()).hasSizeGreaterThan(30);
        assertThat(admin.get("/api/v1/channels/own-" + s).json().get("owner").asString()).isEqualTo("owner" + s);

        Api colleague = registered(admin, "colleague" + s, "own-" + s, false);
        assertThat(colleague.post("/api/v1/portal/channel/secret/rotate", "{}").status())
                .as("a second developer bound to an owned channel is no owner").isEqualTo(403);
        assertThat(new Api(port).as("auditor", "MedOps#Demo2026").get("/api/v1/audit?action=channel.owner").body())
                .as("ownership is audited").contains("own-" + s);

        try (Browser browser = Browser.open(port)) {
            browser.login("owner" + s, PASSWORD).waitForPath("/portal");
            browser.click("#portal-rotate");
            assertThat(browser.text("#portal-secret")).hasSizeGreaterThan(30);
        }
    }
}
