package org.medops.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.gateway.GatewayPorts;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The developer portal over real HTTP: self-registration and its approval, a developer's own call log
 * and usage (never another channel's), the published catalogue, notifications to applicants and
 * reviewers (in-app, a webhook target, e-mail through a real SMTP server), and the whole path in a browser.
 */
@MedopsTest
class DeveloperPortalIT {

    static final String PASSWORD = "Dev#Portal-2026x";
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WireMockServer upstream = new WireMockServer(options().dynamicPort());
    static final WireMockServer hooks = new WireMockServer(options().dynamicPort());

    static {
        smtp.start();
        upstream.start();
        hooks.start();
        upstream.stubFor(any(urlPathMatching("/lis/.*")).willReturn(okJson("{\"items\":[{\"code\":\"GLU\",\"value\":5.6}]}")));
        hooks.stubFor(post(urlEqualTo("/reviewers")).willReturn(ok()));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        upstream.stop();
        hooks.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 5);
    }

    private String service(Api admin, String code, boolean published) {
        admin.post("/api/v1/services", "{\"code\":\"" + code + "\",\"name\":\"LIS 检验报告 " + code + "\",\"upstreamUrl\":\""
                + upstream.baseUrl() + "\",\"pathRewrite\":\"/lis\",\"owningSystem\":\"LIS\",\"rateLimitPerSecond\":50}");
        if (published) {
            Api.Response saved = admin.put("/api/v1/services/" + code + "/docs", json(
                    "published", true, "summary", "按患者查询检验报告", "openApi", OpenApiViewTest.lisDocument(),
                    "requestExample", "GET /" + code + "/reports/P001", "responseExample", "{\"items\":[]}",
                    "errorCodes", "PATIENT-NOT-FOUND 患者不存在\nREPORT-NOT-READY 报告未审核"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
        return code;
    }

    private JsonNode channel(Api admin, String code) {
        return admin.post("/api/v1/channels", "{\"code\":\"" + code + "\",\"name\":\"渠道 " + code + "\"}").json();
    }

    /** An invited developer who has replaced the temporary password. */
    private Api developer(Api admin, String channel, String username, String email) {
        Api.Response invited = admin.post("/api/v1/channels/" + channel + "/developers",
                json("username", username, "displayName", "开发者 " + username, "email", email));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String temporary = invited.json().get("temporaryPassword").asString();
        new Api(port).as(username, temporary).post("/api/v1/account/password",
                json("currentPassword", temporary, "newPassword", PASSWORD));
        return new Api(port).as(username, PASSWORD);
    }

    private Api.Response register(String username, String channel, String password) {
        return new Api(port).post("/api/v1/portal/registrations", json("username", username, "displayName", "张工",
                "email", username + "@partner.test", "phone", "13800000000", "organisation", "健康云科技有限公司",
                "channelCode", channel, "password", password, "confirmPassword", password));
    }

    @Test
    void aSelfRegisteredDeveloperSignsInOnlyAfterApprovalBindsAChannel() throws Exception {
        String s = suffix();
        Api admin = admin();
        channel(admin, "reg-" + s);
        Api reviewer = admin.newUser("rv" + s, "审核人", "Review#Desk-2026", "HOSPITAL_REVIEWER");

        assertThat(register("weak" + s, null, "short").json().get("code").asString()).isEqualTo("password-policy");
        assertThat(register("lost" + s, "no-such-channel", PASSWORD).status())
                .as("a requested channel is a hint; checking it would reveal which channels exist").isEqualTo(201);
        Api.Response registered = register("dev" + s, null, PASSWORD);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(registered.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password");
        long id = registered.json().get("id").asLong();
        assertThat(register("dev" + s, null, PASSWORD).status()).as("the username is taken").isEqualTo(409);

        Api.Response early = new Api(port).post("/api/v1/auth/token", json("username", "dev" + s, "password", PASSWORD));
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.json().get("code").asString()).isEqualTo("pending-approval");
        assertThat(new Api(port).post("/api/v1/auth/token", json("username", "dev" + s, "password", "Wrong#Pass-2026"))
                .json().get("code").asString()).as("a wrong password learns nothing").isEqualTo("bad-credentials");

        assertThat(admin.get("/api/v1/messages").body()).as("administrators hear of it").contains("新的开发者注册");
        assertThat(reviewer.get("/api/v1/developer-registrations").status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/developer-registrations/" + id + "/approve", "{}").json().get("code").asString())
                .isEqualTo("registration-channel-required");
        JsonNode approved = admin.post("/api/v1/developer-registrations/" + id + "/approve",
                json("channelCode", "reg-" + s)).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("channelCode").asString()).isEqualTo("reg-" + s);
        assertThat(approved.get("decidedBy").asString()).as("by display name").isEqualTo("系统管理员");
        assertThat(admin.post("/api/v1/developer-registrations/" + id + "/approve", json("channelCode", "reg-" + s))
                .status()).as("decided once").isEqualTo(409);

        Api developer = new Api(port).as("dev" + s, PASSWORD);
        assertThat(developer.get("/api/v1/portal/channel").json().get("code").asString()).isEqualTo("reg-" + s);
        assertThat(developer.get("/api/v1/messages").body()).contains("开发者账号已开通");
        MimeMessage welcome = mailTo("dev" + s + "@partner.test", "开发者账号已开通");
        assertThat(GreenMailUtil.getBody(welcome)).isNotBlank();

        long rejectedId = register("nope" + s, "reg-" + s, PASSWORD).json().get("id").asLong();
        assertThat(admin.post("/api/v1/developer-registrations/" + rejectedId + "/reject", "{}").json().get("code")
                .asString()).isEqualTo("reason-required");
        assertThat(admin.post("/api/v1/developer-registrations/" + rejectedId + "/reject",
                json("reason", "单位信息无法核实")).json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(new Api(port).post("/api/v1/auth/token", json("username", "nope" + s, "password", PASSWORD))
                .json().get("code").asString()).isEqualTo("registration-refused");
        mailTo("nope" + s + "@partner.test", "未获批准");

        Api auditor = admin.newUser("au" + s, "审计员", "Audit#Desk-2026", "AUDIT_ADMIN");
        String trail = auditor.get("/api/v1/audit?limit=200").body();
        assertThat(trail).contains("developer.register").contains("developer.approve").contains("developer.reject")
                .contains("user.registration.approve").doesNotContain(PASSWORD);
    }

    @Test
    void aDeveloperSeesTheCallsAndUsageOfTheirOwnChannelOnly() {
        String s = suffix();
        Api admin = admin();
        String svc = service(admin, "iso-" + s, true);
        JsonNode a = channel(admin, "ca-" + s);
        JsonNode b = channel(admin, "cb-" + s);
        admin.post("/api/v1/channels/ca-" + s + "/grants", json("serviceCode", svc));
        admin.post("/api/v1/channels/cb-" + s + "/grants", json("serviceCode", svc));
        int gateway = GatewayPorts.of(context);
        SignedClient clientA = new SignedClient(gateway, a.get("appKey").asString(), a.get("appSecret").asString());
        SignedClient clientB = new SignedClient(gateway, b.get("appKey").asString(), b.get("appSecret").asString());
        await().atMost(Duration.ofSeconds(2)).until(() -> clientA.get("/" + svc + "/reports/A1").status() == 200);
        await().atMost(Duration.ofSeconds(2)).until(() -> clientB.get("/" + svc + "/reports/B1").status() == 200);
        String requestOfB = clientB.get("/" + svc + "/reports/B2").requestId();
        clientB.get("/" + svc + "/reports/B3");

        Api developerA = developer(admin, "ca-" + s, "da" + s, "da" + s + "@partner.test");
        await().atMost(Duration.ofSeconds(5)).until(() -> developerA.get("/api/v1/portal/logs").json().size() >= 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/v1/traffic/logs?requestId=" + requestOfB)
                .body().contains(requestOfB));
        String logs = developerA.get("/api/v1/portal/logs").body();
        assertThat(logs).contains("/reports/A1").doesNotContain("/reports/B").doesNotContain(requestOfB);
        assertThat(developerA.get("/api/v1/portal/logs?channel=cb-" + s + "&channelCode=cb-" + s).body())
                .as("no parameter reaches another channel").doesNotContain("/reports/B");
        for (JsonNode call : developerA.get("/api/v1/portal/logs").json()) {
            assertThat(call.get("path").asString()).doesNotContain("/reports/B");
        }

        JsonNode usage = developerA.get("/api/v1/portal/statistics").json();
        assertThat(usage.get("channelCode").asString()).isEqualTo("ca-" + s);
        long callsOfA = 0;
        for (JsonNode row : usage.get("byService")) {
            callsOfA += row.get("calls").asLong();
        }
        assertThat(callsOfA).as("A made exactly its own successful calls, B's three are not counted")
                .isEqualTo(developerA.get("/api/v1/portal/logs").json().size());
        assertThat(developerA.get("/api/v1/traffic/logs").status()).isEqualTo(403);
        assertThat(developerA.get("/api/v1/traffic/summary").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/portal/logs").status()).as("staff have no developer view").isEqualTo(403);
    }

    @Test
    void developersSeeOnlyPublishedServicesAndDocsMustParse() {
        String s = suffix();
        Api admin = admin();
        String published = service(admin, "pub-" + s, true);
        String hidden = service(admin, "hid-" + s, false);
        channel(admin, "cat-" + s);
        Api developer = developer(admin, "cat-" + s, "dc" + s, null);

        String list = developer.get("/api/v1/portal/apis").body();
        assertThat(list).contains(published).doesNotContain(hidden).doesNotContain(upstream.baseUrl());
        JsonNode docs = developer.get("/api/v1/portal/apis/" + published).json();
        assertThat(docs.get("service").get("owningSystem").asString()).isEqualTo("LIS");
        assertThat(docs.get("service").get("rateLimitPerSecond").asInt()).isEqualTo(50);
        assertThat(docs.get("errorCodes").get(0).get("code").asString()).isEqualTo("PATIENT-NOT-FOUND");
        assertThat(docs.get("openApi").asString()).contains("/reports/{patientId}");
        assertThat(developer.get("/api/v1/portal/apis/" + hidden).status()).isEqualTo(404);
        assertThat(developer.post("/api/v1/portal/applications", json("serviceCode", hidden, "purpose", "试试"))
                .status()).as("what is not published cannot be applied for").isEqualTo(404);

        Api.Response broken = admin.put("/api/v1/services/" + hidden + "/docs",
                json("published", true, "openApi", "openapi: 3.0.0\npaths: [unclosed"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asString()).isEqualTo("openapi-invalid");
        assertThat(developer.get("/api/v1/portal/apis").body()).as("a refused save publishes nothing")
                .doesNotContain(hidden);
        assertThat(admin.put("/api/v1/services/" + hidden + "/docs", json("published", true, "openApi",
                "{\"openapi\":\"3.1.0\",\"paths\":{}}")).status()).isEqualTo(200);
        assertThat(developer.get("/api/v1/portal/apis").body()).contains(hidden);
        assertThat(admin.put("/api/v1/services/" + hidden + "/docs", json("published", false)).status()).isEqualTo(200);
        assertThat(developer.get("/api/v1/portal/apis/" + hidden).status()).isEqualTo(404);
    }

    @Test
    void reviewersAndApplicantsAreToldOfEveryStepAndAQuotaHoldsAtTheGateway() {
        String s = suffix();
        Api admin = admin();
        String svc = service(admin, "nt-" + s, true);
        JsonNode channel = channel(admin, "nt-" + s);
        Api reviewer = admin.newUser("nr" + s, "信息科审核人", "Review#Desk-2026", "HOSPITAL_REVIEWER");
        long target = admin.post("/api/v1/notify/targets", json("name", "审核群", "kind", "WEBHOOK",
                "address", hooks.baseUrl() + "/reviewers")).json().get("id").asLong();
        assertThat(admin.put("/api/v1/portal/notify-targets", "{\"targetIds\":[" + target + "]}").status()).isEqualTo(200);
        Api developer = developer(admin, "nt-" + s, "dn" + s, "dn" + s + "@partner.test");

        Api.Response applied = developer.post("/api/v1/portal/applications",
                json("serviceCode", svc, "purpose", "在 App 展示检验报告 " + s + " [点此查看](http://evil.test)",
                        "expectedDailyVolume", 100));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(reviewer.get("/api/v1/messages").body()).contains("新的接入申请").contains(svc);
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.findAll(postRequestedFor(urlEqualTo("/reviewers")))
                .stream().anyMatch(r -> r.getBodyAsString().contains("在 App 展示检验报告 " + s)));
        assertThat(hooks.findAll(postRequestedFor(urlEqualTo("/reviewers"))).stream().map(r -> r.getBodyAsString())
                .filter(b -> b.contains(s))).as("an applicant's text cannot put a link into the reviewers' group")
                .noneMatch(b -> b.contains("](http"));

        JsonNode approved = reviewer.post("/api/v1/access-applications/" + id + "/approve", "{\"dailyQuota\":2}").json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("dailyQuota").asLong()).isEqualTo(2);
        JsonNode mine = developer.get("/api/v1/portal/applications").json().get(0);
        assertThat(mine.get("decidedBy").asString()).as("the developer sees the reviewer by name, not account")
                .isEqualTo("信息科审核人");
        JsonNode messages = developer.get("/api/v1/messages").json();
        assertThat(messages.get(0).has("username")).as("a message shows its text, not its owner's account").isFalse();
        assertThat(messages.get(0).get("title").asString()).contains("接入申请已批准").contains(svc);
        assertThat(messages.get(0).get("link").asString()).isEqualTo("/portal/applications");
        assertThat(GreenMailUtil.getBody(mailTo("dn" + s + "@partner.test", "接入申请已批准"))).isNotBlank();
        assertThat(developer.get("/api/v1/portal/channel").body()).contains("\"dailyQuota\":2");

        SignedClient client = new SignedClient(GatewayPorts.of(context), channel.get("appKey").asString(),
                channel.get("appSecret").asString());
        await().atMost(Duration.ofSeconds(2)).until(() -> client.get("/" + svc + "/reports/1").status() == 200);
        assertThat(client.get("/" + svc + "/reports/2").status()).isEqualTo(200);
        SignedClient.Reply third = client.get("/" + svc + "/reports/3");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("MEDOPS-QUOTA-EXCEEDED");

        long messageId = messages.get(0).get("id").asLong();
        assertThat(developer.post("/api/v1/messages/" + messageId + "/read", "{}").status()).isEqualTo(204);
        assertThat(developer.get("/api/v1/messages").json().get(0).get("readAt").isNull()).isFalse();
        assertThat(reviewer.post("/api/v1/messages/" + messageId + "/read", "{}").status()).isEqualTo(204);
        assertThat(reviewer.get("/api/v1/messages").body()).as("nobody reads another's messages")
                .doesNotContain("接入申请已批准");

        assertThat(reviewer.post("/api/v1/access-applications/" + id + "/revoke", "{}").json().get("revokedBy")
                .asString()).isEqualTo("信息科审核人");
        assertThat(developer.get("/api/v1/messages").body()).contains("接入授权已撤销");
        mailTo("dn" + s + "@partner.test", "接入授权已撤销");
    }

    @Test
    void aDeveloperRegistersIsApprovedReadsTheDocsAppliesAndTestsInTheBrowser() {
        String s = suffix();
        Api admin = admin();
        String svc = service(admin, "lab-" + s, false);
        channel(admin, "web-" + s);
        admin.newUser("br" + s, "信息科审核人", "Review#Desk-2026", "HOSPITAL_REVIEWER");
        try (Browser browser = Browser.open(port)) {
            browser.go("/portal/login").click("#register-link")
                    .type("#displayName", "李工").type("#username", "web" + s).type("#email", "web" + s + "@partner.test")
                    .type("#phone", "13900000000").type("#organisation", "健康云科技有限公司").type("#channelCode", "web-" + s)
                    .type("#note", "掌上医院 App 查询检验报告").type("#password", PASSWORD).type("#confirmPassword", PASSWORD)
                    .screenshot("60-portal-register").click("#register-submit").waitForPath("/portal/login");
            assertThat(browser.text("#registered")).contains("web" + s);
            browser.type("#username", "web" + s).type("#password", PASSWORD).click("#login-submit");
            assertThat(browser.text("#login-pending")).contains("等待院方审核");
            browser.screenshot("61-portal-pending");

            long registration = admin.get("/api/v1/developer-registrations?status=SUBMITTED").json().get(0).get("id").asLong();
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).go("/access/developers?status=SUBMITTED")
                    .screenshot("62-registration-queue").click("#approve-registration-" + registration);
            assertThat(browser.text("#notice")).contains("已批准");
            browser.go("/catalog/services/" + svc).tick("#published").type("#summary", "按患者查询检验报告")
                    .type("#errorCodes", "PATIENT-NOT-FOUND 患者不存在\nREPORT-NOT-READY 报告未审核");
            browser.find("#openApiFile").sendKeys(java.nio.file.Path.of("src/test/resources/portal/lis-openapi.yaml")
                    .toAbsolutePath().toString());
            browser.click("#save-docs");
            assertThat(browser.text("#notice")).contains("开放文档已保存");
            assertThat(browser.find("#openApi").getAttribute("value")).as("the uploaded file became the document")
                    .contains("/reports/{patientId}");
            browser.scrollTo("#docs-form").screenshot("59-console-service-docs");
            browser.click("#logout");

            browser.go("/portal/login").type("#username", "web" + s).type("#password", PASSWORD).click("#login-submit")
                    .waitForPath("/portal");
            assertThat(browser.text("#portal-channel")).isEqualTo("web-" + s);
            assertThat(browser.text("#portal-unread")).isEqualTo("1");
            assertThat(browser.pageText()).doesNotContain("外联平台").doesNotContain("系统管理").doesNotContain("流量监控");
            browser.screenshot("63-portal-overview");

            browser.click("#nav-apis").click("#api-" + svc);
            assertThat(browser.text("#openapi")).contains("查询患者检验报告").contains("items[].code").contains("patientId");
            assertThat(browser.text("#error-codes")).contains("PATIENT-NOT-FOUND");
            assertThat(browser.text("#api-rate-limit")).contains("50");
            assertThat(browser.pageText()).doesNotContain(upstream.baseUrl());
            browser.screenshot("64-portal-api-docs").scrollTo("#openapi .operation").screenshot("64b-portal-api-operations");
            browser.click("#apply-for-api").type("#purpose", "掌上医院 App 展示检验报告").type("#expectedDailyVolume", "500")
                    .click("#portal-apply");
            assertThat(browser.text("#notice")).contains("已提交");
            assertThat(browser.text("#portal-applications")).contains(svc);
            browser.screenshot("65-portal-applied").click("#logout");

            long application = admin.get("/api/v1/access-applications?status=SUBMITTED").json().get(0).get("id").asLong();
            browser.login("br" + s, "Review#Desk-2026").go("/access/applications?status=SUBMITTED")
                    .type("#quota-" + application, "100").click("#approve-" + application);
            assertThat(browser.text("#notice")).contains("已批准");
            browser.click("#logout");

            browser.go("/portal/login").type("#username", "web" + s).type("#password", PASSWORD).click("#login-submit")
                    .waitForPath("/portal");
            assertThat(browser.text("#portal-grants")).contains(svc).contains("100");
            browser.click("#nav-test").type("#path", "/" + svc + "/reports/7").type("#query", "patient=P001")
                    .click("#send-test");
            assertThat(browser.text("#result-status")).isEqualTo("200");
            assertThat(browser.text("#result-body")).contains("GLU");
            assertThat(browser.text("#result-sts")).contains("patient=P001");
            String requestId = browser.text("#result-request-id");
            browser.screenshot("66-portal-service-test");
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                browser.go("/portal/logs");
                return browser.text("#portal-calls").contains(requestId);
            });
            browser.screenshot("67-portal-call-log");
            browser.click("#nav-statistics");
            assertThat(browser.text("#stats-by-service")).contains(svc);
            browser.screenshot("68-portal-statistics");
            browser.click("#nav-guide");
            assertThat(browser.text("#signature-guide")).contains("stringToSign");
            browser.type("#secret", "demo-secret-please-change").click("#check");
            assertThat(browser.text("#check-signature")).isEqualTo("BsD7NjVofbVYE429L1WP9ZP7OoqvHCkgFYsqD/XVcys=");
            assertThat(browser.find("#secret").getAttribute("value")).as("the pasted secret is not shown back").isEmpty();
            browser.screenshot("69-portal-guide").scrollTo("#check-result").screenshot("69b-portal-signature-checker");
            browser.click("#portal-bell");
            assertThat(browser.text("#message-list")).contains("开发者账号已开通").contains("接入申请已批准");
            browser.screenshot("70-portal-messages").click("#read-all");
            assertThat(browser.pageText()).doesNotContain("全部标为已读");
            browser.go("/traffic/logs");
            assertThat(browser.pageText()).contains("无权访问").doesNotContain("外联平台");
            browser.click("#logout");

            browser.login("admin", MedopsTest.ADMIN_PASSWORD).go("/portal/logs");
            assertThat(browser.pageText()).as("staff get 403 on portal pages").contains("无权访问");
        }
    }

    private static MimeMessage mailTo(String address, String subject) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            found[0] = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(subject);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static String json(Object... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(pairs[i]).append("\":");
            Object value = pairs[i + 1];
            if (value == null) {
                out.append("null");
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                out.append(JSON.writeValueAsString(value.toString()));
            }
        }
        return out.append('}').toString();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
}
