package org.medops.alerting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.gateway.GatewayPorts;
import org.medops.testing.Api;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Alert rules over real gateway traffic, notifying a real local HTTP receiver (standing in for the
 * WeCom and DingTalk robots and a webhook) and a real SMTP server (GreenMail).
 */
@MedopsTest
class AlertingIT {

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final HttpReceiver receiver = new HttpReceiver();
    static final WireMockServer upstream = new WireMockServer(options().dynamicPort());

    static {
        smtp.start();
        upstream.start();
        upstream.stubFor(get(urlPathMatching("/lis/.*")).willReturn(aResponse().withStatus(500)));
        upstream.stubFor(get(urlPathMatching("/pacs/.*")).willReturn(okJson("{\"ok\":true}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("medops.alerting.interval", () -> "300ms");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        upstream.stop();
        receiver.stop();
    }

    @TestConfiguration
    static class EventsSeen {
        static final List<Object> events = new CopyOnWriteArrayList<>();

        @Bean
        Object alertEventRecorder() {
            return new Object() {
                @EventListener
                public void on(AlertRaised raised) {
                    events.add(raised);
                }

                @EventListener
                public void on(AlertResolved resolved) {
                    events.add(resolved);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void raisesNotifiesEveryKindOfTargetAndResolvesByItself() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        long wecom = target(admin, "信息科企业微信群", "WECOM", receiver.url("/wecom"), null);
        long dingtalk = target(admin, "厂商钉钉群", "DINGTALK", receiver.url("/dingtalk?access_token=abc"), "SECdemo123");
        long hook = target(admin, "运维平台", "WEBHOOK", receiver.url("/hook"), null);
        long mail = target(admin, "值班邮箱", "EMAIL", "oncall@hospital.test", null);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long broken = target(admin, "已下线的机器人", "WEBHOOK", "http://127.0.0.1:" + closed + "/gone", null);

        admin.post("/api/v1/services", "{\"code\":\"lis\",\"name\":\"LIS\",\"upstreamUrl\":\"" + upstream.baseUrl() + "\",\"pathRewrite\":\"/lis\"}");
        admin.post("/api/v1/services", "{\"code\":\"pacs\",\"name\":\"PACS\",\"upstreamUrl\":\"" + upstream.baseUrl() + "\",\"pathRewrite\":\"/pacs\"}");
        JsonNode channel = admin.post("/api/v1/channels", "{\"code\":\"app\",\"name\":\"掌上医院\"}").json();
        admin.post("/api/v1/channels/app/grants", "{\"serviceCode\":\"lis\"}");
        admin.post("/api/v1/channels/app/grants", "{\"serviceCode\":\"pacs\"}");

        assertThat(admin.post("/api/v1/alert-rules", """
                {"name":"LIS 失败率过高","kind":"FAILURE_RATE","subject":"lis","threshold":50,"windowMinutes":5,
                 "minCalls":3,"severity":"CRITICAL","targetIds":[%d,%d,%d,%d,%d]}"""
                .formatted(wecom, dingtalk, hook, mail, broken)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/alert-rules", """
                {"name":"PACS 无流量","kind":"NO_TRAFFIC","subject":"pacs","threshold":0,"windowMinutes":5,
                 "minCalls":0,"severity":"WARNING","targetIds":[%d]}""".formatted(hook)).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get("/api/v1/alerts?status=OPEN").body().contains("PACS 无流量"));

        SignedClient client = new SignedClient(GatewayPorts.of(context), channel.get("appKey").asString(),
                channel.get("appSecret").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/lis/results/1").status() == 500);
        for (int i = 0; i < 3; i++) {
            client.get("/lis/results/" + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get("/api/v1/alerts?status=OPEN").body().contains("LIS 失败率过高"));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.bodies("/wecom").size() == 1
                && receiver.bodies("/dingtalk").size() == 1 && smtp.getReceivedMessages().length == 1);
        assertThat(receiver.bodies("/wecom").get(0)).contains("\"msgtype\":\"markdown\"", "LIS 失败率过高", "lis");
        String signed = receiver.queries("/dingtalk").get(0);
        String timestamp = param(signed, "timestamp");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("SECdemo123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\nSECdemo123").getBytes(StandardCharsets.UTF_8)));
        assertThat(param(signed, "sign")).isEqualTo(expected);
        assertThat(param(signed, "access_token")).isEqualTo("abc");
        MimeMessage email = smtp.getReceivedMessages()[0];
        assertThat(email.getSubject()).contains("LIS 失败率过高");
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("oncall@hospital.test");

        // Traffic to PACS clears its condition: the alert resolves by itself and says so.
        client.get("/pacs/studies/7");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !admin.get("/api/v1/alerts?status=OPEN").body().contains("PACS 无流量"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                receiver.bodies("/hook").stream().anyMatch(b -> b.contains("已恢复") && b.contains("pacs")));

        JsonNode lisAlert = admin.get("/api/v1/alerts?status=OPEN").json().get("rows").get(0);
        assertThat(admin.post("/api/v1/alerts/" + lisAlert.get("id").asLong() + "/acknowledge", "{}").status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/alerts?status=ACKNOWLEDGED").body()).contains("LIS 失败率过高");
        // Still failing: acknowledged, not resolved, and no second alert for the same rule and subject.
        Thread.sleep(1000);
        assertThat(admin.get("/api/v1/alerts?status=OPEN").body()).doesNotContain("LIS 失败率过高");

        await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/notify/deliveries").body()
                .contains("\"status\":\"FAILED\""));
        JsonNode failed = null;
        for (JsonNode delivery : admin.get("/api/v1/notify/deliveries").json()) {
            if (delivery.get("status").asString().equals("FAILED")) {
                failed = delivery;
            }
        }
        assertThat(failed.get("target").asString()).isEqualTo("已下线的机器人");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(EventsSeen.events).hasAtLeastOneElementOfType(AlertRaised.class)
                .hasAtLeastOneElementOfType(AlertResolved.class);
        assertThat(admin.get("/api/v1/notify/targets").body()).doesNotContain("SECdemo123");

        // A channel over 50 % of its daily quota, and a gateway node that fell silent ten minutes ago.
        admin.post("/api/v1/channels", "{\"code\":\"kiosk\",\"name\":\"自助机\",\"quotaPerDay\":4}");
        JsonNode kiosk = admin.get("/api/v1/channels/kiosk").json();
        assertThat(kiosk.get("quotaPerDay").asLong()).isEqualTo(4);
        assertThat(admin.post("/api/v1/alert-rules", """
                {"name":"配额将尽","kind":"QUOTA_USAGE","threshold":50,"windowMinutes":1,"minCalls":0,
                 "severity":"WARNING","targetIds":[]}""").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/alert-rules", """
                {"name":"节点失联","kind":"NODE_SILENT","threshold":0,"windowMinutes":2,"minCalls":0,
                 "severity":"CRITICAL","targetIds":[]}""").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/alert-rules", """
                {"name":"维护窗口内的节点失联","kind":"NODE_SILENT","subject":"old-node:9080","threshold":0,
                 "windowMinutes":2,"minCalls":0,"severity":"CRITICAL","silencedUntil":"%s","targetIds":[%d]}"""
                .formatted(java.time.Instant.now().plusSeconds(3600), hook)).status()).isEqualTo(201);
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                insert into gateway_nodes(node_id, started_at, heartbeat_at, config_version, breakers)
                values ('old-node:9080', now() - interval '1 hour', now() - interval '10 minutes', 1, '{}')""").update();
        String kioskKey = context.getBean(org.medops.catalog.Catalog.class).appKeyOf("kiosk");
        String kioskSecret = admin.post("/api/v1/channels/kiosk/secret/rotate", "{\"overlapMinutes\":0}").json()
                .get("appSecret").asString();
        admin.post("/api/v1/channels/kiosk/grants", "{\"serviceCode\":\"pacs\"}");
        SignedClient kioskClient = new SignedClient(GatewayPorts.of(context), kioskKey, kioskSecret);
        await().atMost(Duration.ofSeconds(10)).until(() -> kioskClient.get("/pacs/studies/1").status() == 200);
        kioskClient.get("/pacs/studies/2");
        kioskClient.get("/pacs/studies/3");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String open = admin.get("/api/v1/alerts?status=OPEN").body();
            return open.contains("配额将尽") && open.contains("kiosk") && open.contains("维护窗口内的节点失联");
        });
        long silenced = 0;
        for (JsonNode alert : admin.get("/api/v1/alerts?status=OPEN&size=200").json().get("rows")) {
            if (alert.get("ruleName").asString().equals("维护窗口内的节点失联")) {
                silenced = alert.get("id").asLong();
            }
        }
        Thread.sleep(1500);
        // Recorded, but nobody is told during the silence window.
        assertThat(admin.get("/api/v1/notify/deliveries").body()).doesNotContain("\"alert:" + silenced + "\"");

        try (org.medops.testing.Browser browser = org.medops.testing.Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).go("/alerts?size=200");
            assertThat(browser.text("#alerts")).contains("LIS 失败率过高", "已确认", "PACS 无流量", "已解决", "配额将尽");
            assertThat(browser.text("#alert-rules")).contains("失败率", "无流量");
            browser.screenshot("40-alerts");
            browser.go("/notify/targets").type("#target-name", "信息科值班 Webhook").type("#target-address",
                    receiver.url("/hook")).click("#target-form button[type=submit]");
            assertThat(browser.text("#targets")).contains("信息科值班 Webhook");
            assertThat(browser.text("#deliveries")).contains("已发送", "发送失败");
            browser.screenshot("41-notifiers");
            browser.go("/alerts").type("#rule-name", "HIS P95 过高").set("#rule-kind", "P95_LATENCY")
                    .type("#rule-subject", "his").type("#rule-threshold", "800").click("#save-rule");
            assertThat(browser.text("#notice")).contains("预警规则已创建");
            assertThat(browser.text("#alert-rules")).contains("HIS P95 过高");
        }
    }

    @Test
    void rulesAreEditedDisabledAndDeletedWithTargetsByNameAndEveryChangeAudited() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        long wecom = target(admin, "影像科企业微信群", "WECOM", receiver.url("/wecom-ris"), null);
        long hook = target(admin, "影像科 Webhook", "WEBHOOK", receiver.url("/hook-ris"), null);
        Api.Response created = admin.post("/api/v1/alert-rules", """
                {"name":"RIS P95 过高","kind":"P95_LATENCY","subject":"ris","threshold":800,"windowMinutes":5,
                 "minCalls":10,"severity":"WARNING","targetIds":[%d],"forSeconds":120,"recoverySeconds":300,
                 "recoveryThreshold":600}""".formatted(wecom));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("targets").get(0).get("name").asString()).isEqualTo("影像科企业微信群");
        assertThat(created.json().get("unit").asString()).isEqualTo("ms");

        Api.Response edited = admin.put("/api/v1/alert-rules/" + id, """
                {"name":"RIS P95 过高","kind":"P95_LATENCY","subject":"ris","threshold":900,"windowMinutes":5,
                 "minCalls":10,"severity":"CRITICAL","targetIds":[%d,%d],"forSeconds":60,"recoverySeconds":300,
                 "recoveryThreshold":700}""".formatted(wecom, hook));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode rule = admin.get("/api/v1/alert-rules/" + id).json();
        assertThat(rule.get("threshold").asDouble()).isEqualTo(900);
        assertThat(rule.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(rule.get("forSeconds").asInt()).isEqualTo(60);
        assertThat(rule.get("recoveryThreshold").asDouble()).isEqualTo(700);
        assertThat(rule.get("targets").toString()).contains("影像科企业微信群", "影像科 Webhook");

        // A breaker rule has no numeric threshold: none is shown, whatever was sent.
        JsonNode breaker = admin.post("/api/v1/alert-rules", """
                {"name":"RIS 熔断","kind":"CIRCUIT_OPEN","subject":"ris","threshold":5,"windowMinutes":1,
                 "minCalls":0,"severity":"CRITICAL","targetIds":[]}""").json();
        assertThat(breaker.path("threshold").isMissingNode() || breaker.get("threshold").isNull()).isTrue();

        // Bad input: problem details, nothing stored.
        Api.Response recoveryAbove = admin.put("/api/v1/alert-rules/" + id, """
                {"name":"RIS P95 过高","kind":"P95_LATENCY","subject":"ris","threshold":900,"windowMinutes":5,
                 "minCalls":10,"severity":"CRITICAL","targetIds":[],"recoveryThreshold":950}""");
        assertThat(recoveryAbove.status()).isEqualTo(400);
        assertThat(recoveryAbove.contentType()).contains("problem+json");
        Api.Response noThreshold = admin.post("/api/v1/alert-rules", """
                {"name":"无阈值","kind":"FAILURE_RATE","windowMinutes":5,"minCalls":0,"severity":"WARNING"}""");
        assertThat(noThreshold.status()).isEqualTo(400);
        Api.Response unknownTarget = admin.post("/api/v1/alert-rules", """
                {"name":"未知渠道","kind":"NODE_SILENT","windowMinutes":5,"minCalls":0,"severity":"WARNING",
                 "targetIds":[987654]}""");
        assertThat(unknownTarget.status()).isEqualTo(400);
        assertThat(unknownTarget.body()).contains("alert-target-unknown", "987654");
        assertThat(admin.get("/api/v1/alert-rules/" + id).json().get("threshold").asDouble()).isEqualTo(900);

        assertThat(admin.post("/api/v1/alert-rules/" + id + "/disable", "{}").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/alert-rules/" + id).json().get("enabled").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/alert-rules/" + id + "/enable", "{}").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/alert-rules/" + id).json().get("enabled").asBoolean()).isTrue();
        assertThat(admin.delete("/api/v1/alert-rules/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/alert-rules/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/alert-rules").body()).doesNotContain("RIS P95 过高");
        admin.delete("/api/v1/alert-rules/" + breaker.get("id").asLong());

        Api auditor = admin.auditAdmin();
        await().atMost(Duration.ofSeconds(10)).until(() -> auditor
                .get("/api/v1/audit?action=alert.rule&target=" + id + "&limit=50").body().contains("alert.rule.delete"));
        String trail = auditor.get("/api/v1/audit?action=alert.rule&target=" + id + "&limit=50").body();
        assertThat(trail).contains("alert.rule.create", "alert.rule.update", "alert.rule.disable",
                "alert.rule.enable", "alert.rule.delete");
        assertThat(trail).contains("threshold", "800", "900", "recoveryThreshold", "severity");
    }

    @Test
    void aConditionMustHoldForItsDurationAndStayClearForTheRecoveryBeforeTheAlertMoves() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        admin.post("/api/v1/services", "{\"code\":\"ris\",\"name\":\"RIS\",\"upstreamUrl\":\"" + upstream.baseUrl() + "\",\"pathRewrite\":\"/pacs\"}");
        JsonNode channel = admin.post("/api/v1/channels", "{\"code\":\"ris-app\",\"name\":\"影像调阅\"}").json();
        admin.post("/api/v1/channels/ris-app/grants", "{\"serviceCode\":\"ris\"}");
        long created = System.currentTimeMillis();
        long id = admin.post("/api/v1/alert-rules", """
                {"name":"RIS 无流量（防抖）","kind":"NO_TRAFFIC","subject":"ris","windowMinutes":5,"minCalls":0,
                 "severity":"WARNING","targetIds":[],"forSeconds":3,"recoverySeconds":3}""").json().get("id").asLong();
        try {
            // Pending: the condition holds, its start is stored (a restart keeps counting from it), no alert yet.
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                    "select count(*) from alert_conditions where rule_id = :id and breaching_since is not null")
                    .param("id", id).query(Integer.class).single() == 1);
            assertThat(openAlerts(admin, "RIS 无流量（防抖）")).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> openAlerts(admin, "RIS 无流量（防抖）") == 1);
            assertThat(System.currentTimeMillis() - created).isGreaterThanOrEqualTo(3000);

            SignedClient client = new SignedClient(GatewayPorts.of(context), channel.get("appKey").asString(),
                    channel.get("appSecret").asString());
            await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/ris/studies/1").status() == 200);
            long clear = System.currentTimeMillis();
            // Clear, but not yet for the recovery duration: still open, the clear start stored.
            await().atMost(Duration.ofSeconds(3)).until(() -> jdbc.sql(
                    "select count(*) from alert_conditions where rule_id = :id and clear_since is not null")
                    .param("id", id).query(Integer.class).single() == 1);
            assertThat(openAlerts(admin, "RIS 无流量（防抖）")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> openAlerts(admin, "RIS 无流量（防抖）") == 0);
            assertThat(System.currentTimeMillis() - clear).isGreaterThanOrEqualTo(2500);
            assertThat(jdbc.sql("select count(*) from alerts where rule_id = :id").param("id", id)
                    .query(Integer.class).single()).as("fired once, resolved once").isEqualTo(1);
        } finally {
            admin.delete("/api/v1/alert-rules/" + id);
        }
    }

    @Test
    void aReFiredCriticalAlertJoinsTheOpenTicketOfItsRuleAndSubject() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.post("/api/v1/services", "{\"code\":\"emr\",\"name\":\"EMR\",\"upstreamUrl\":\"" + upstream.baseUrl() + "\",\"pathRewrite\":\"/pacs\"}");
        long id = admin.post("/api/v1/alert-rules", """
                {"name":"EMR 无流量","kind":"NO_TRAFFIC","subject":"emr","windowMinutes":5,"minCalls":0,
                 "severity":"CRITICAL","targetIds":[]}""").json().get("id").asLong();
        try {
            JsonNode first = await().atMost(Duration.ofSeconds(10)).until(() -> alertOf(admin, "EMR 无流量", true),
                    alert -> alert != null && alert.hasNonNull("ticketId"));
            long ticket = first.get("ticketId").asLong();
            assertThat(first.get("ticketNumber").asString()).startsWith("GD-");
            // A person resolves it while the condition still holds: the rule fires again at once.
            assertThat(admin.post("/api/v1/alerts/" + first.get("id").asLong() + "/resolve", "{}").status())
                    .isEqualTo(204);
            JsonNode second = await().atMost(Duration.ofSeconds(10)).until(() -> alertOf(admin, "EMR 无流量", true),
                    alert -> alert != null && alert.get("id").asLong() != first.get("id").asLong()
                            && alert.hasNonNull("ticketId"));
            assertThat(second.get("ticketId").asLong()).as("joins the open ticket").isEqualTo(ticket);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(distinct ticket_id) from ticket_alerts where rule_id = :id")
                    .param("id", id).query(Integer.class).single()).isEqualTo(1);
            JsonNode view = admin.get("/api/v1/opsdesk/tickets/" + ticket).json();
            assertThat(view.get("timeline").toString()).contains("ALERT_REFIRED", "#" + second.get("id").asLong());

            try (org.medops.testing.Browser browser = org.medops.testing.Browser.open(port)) {
                browser.login("admin", MedopsTest.ADMIN_PASSWORD).go("/opsdesk/tickets/" + ticket);
                assertThat(browser.text("#ticket-alerts")).contains("#" + first.get("id").asLong(),
                        "#" + second.get("id").asLong());
                assertThat(browser.text("#timeline")).contains("同一预警再次触发");
                browser.click("#ticket-alerts a");
                assertThat(browser.text("#alerts")).contains("EMR 无流量", view.get("number").asString());
                browser.click("#alerts .alert-ticket");
                assertThat(browser.path()).isEqualTo("/opsdesk/tickets/" + ticket);
            }
        } finally {
            admin.delete("/api/v1/alert-rules/" + id);
        }
    }

    @Test
    void theRulesPageEditsDisablesAndDeletesWithAPickListAndReadableErrors() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        long duty = target(admin, "检验科值班群", "WECOM", receiver.url("/wecom-lab"), null);
        long id = admin.post("/api/v1/alert-rules", """
                {"name":"检验接口失败率","kind":"FAILURE_RATE","subject":"lab","threshold":5,"windowMinutes":5,
                 "minCalls":10,"severity":"WARNING","targetIds":[]}""").json().get("id").asLong();
        admin.post("/api/v1/alert-rules", """
                {"name":"检验熔断","kind":"CIRCUIT_OPEN","subject":"lab","windowMinutes":1,"minCalls":0,
                 "severity":"CRITICAL","targetIds":[]}""");
        try (org.medops.testing.Browser browser = org.medops.testing.Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).go("/alerts");
            String rules = browser.text("#alert-rules");
            assertThat(rules).contains("失败率 > 5 %", "熔断器打开", "无数值阈值").doesNotContain("0.0");
            assertThat(browser.text("#rule-targets")).contains("检验科值班群");

            browser.click("#rule-" + id + " .rule-edit");
            assertThat(browser.text("#rule-form h4")).contains("检验接口失败率");
            browser.type("#rule-threshold", "8").type("#rule-recovery-threshold", "9")
                    .tick("#rule-targets option[value='" + duty + "']").click("#save-rule");
            assertThat(browser.text("#violations")).contains("恢复阈值必须低于触发阈值");
            assertThat(Double.parseDouble(browser.find("#rule-threshold").getDomProperty("value"))).isEqualTo(8.0);

            assertThat(browser.find("#rule-targets option[value='" + duty + "']").isSelected())
                    .as("the pick stays chosen").isTrue();
            browser.type("#rule-recovery-threshold", "4").click("#save-rule");
            assertThat(browser.text("#notice")).contains("预警规则已保存");
            assertThat(browser.text("#rule-" + id)).contains("失败率 > 8 %", "检验科值班群", "低于 4 %");
            browser.scrollTo("#alert-rules").screenshot("42-alert-rules-zh");

            browser.click("#rule-" + id + " .rule-toggle");
            assertThat(browser.text("#rule-" + id)).contains("已停用");
            browser.go("/alerts?lang=en");
            assertThat(browser.text("#alert-rules")).contains("Failure rate > 8 %", "Disabled",
                    "no numeric threshold");
            browser.scrollTo("#alert-rules").screenshot("43-alert-rules-en");
            browser.go("/alerts?lang=zh_CN");
            browser.click("#rule-" + id + " .rule-delete");
            assertThat(browser.text("#notice")).contains("预警规则已删除");
            assertThat(browser.text("#alert-rules")).doesNotContain("检验接口失败率");
        }
        JsonNode rule = admin.get("/api/v1/alert-rules/" + id).json();
        assertThat(rule.get("status").asInt()).isEqualTo(404);
    }

    private static int openAlerts(Api admin, String ruleName) {
        int count = 0;
        for (JsonNode alert : admin.get("/api/v1/alerts?status=OPEN&size=200").json().get("rows")) {
            if (alert.get("ruleName").asString().equals(ruleName)) {
                count++;
            }
        }
        return count;
    }

    /** The newest alert of a rule, open ones only when asked. */
    private static JsonNode alertOf(Api admin, String ruleName, boolean open) {
        for (JsonNode alert : admin.get(open ? "/api/v1/alerts?status=OPEN&size=200" : "/api/v1/alerts?size=200")
                .json().get("rows")) {
            if (alert.get("ruleName").asString().equals(ruleName)) {
                return alert;
            }
        }
        return null;
    }

    private static long target(Api admin, String name, String kind, String address, String secret) {
        Api.Response created = admin.post("/api/v1/notify/targets", """
                {"name":"%s","kind":"%s","address":"%s"%s}""".formatted(name, kind, address,
                secret == null ? "" : ",\"secret\":\"" + secret + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String param(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return URLDecoder.decode(part.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
