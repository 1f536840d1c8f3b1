package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the engine tells about itself, over real MLLP, HTTP and a webhook receiver: statistics series that count
 * what went through a channel, the Prometheus meters, and channel alert rules that notify and open a ticket.
 */
@MedopsTest
class IntegrationObservabilityIT {

    static final Receiver receiver = new Receiver();
    static final HttpReceiver hooks = new HttpReceiver();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("medops.alerting.interval", () -> "300ms");
        registry.add("medops.integration.statistics-flush", () -> "200ms");
        registry.add("medops.integration.metrics-refresh", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        receiver.down();
        hooks.stop();
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String channel(String code, int mllp, String url) {
        return """
                {"code": "%s", "name": "统计测试", "source": {"type": "MLLP", "port": %d},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s",
                   "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1},
                   "breaker": {"failures": 2, "open": "PT30S"}}]}""".formatted(code, mllp, url);
    }

    static long sum(JsonNode points, String field) {
        long total = 0;
        for (JsonNode point : points) {
            total += point.get(field).asLong();
        }
        return total;
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Three ADTs, one resend of the first (a duplicate: filtered) and one input that is not HL7 (errored). */
    static void sendMix(int mllp) throws Exception {
        try (MllpClient his = MllpClient.await(mllp)) {
            for (int i = 1; i <= 3; i++) {
                assertThat(his.send(IntegrationEngineIT.adt("S-" + i, "P10023" + i, "王小红"))).contains("MSA|AA");
            }
            assertThat(his.send(IntegrationEngineIT.adt("S-1", "P100231", "王小红"))).contains("MSA|AA");
            assertThat(his.send("not a message")).contains("MSA|AR");
        }
    }

    @Test
    void statisticsSeriesCountWhatWentThroughAChannel() throws Exception {
        Api admin = admin();
        String code = IntegrationEngineIT.code();
        int mllp = ForkedMedops.freePort();
        assertThat(admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, receiver.url("/" + code)))
                .status()).isEqualTo(201);
        sendMix(mllp);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 3);

        String url = "/api/v1/integration/channels/" + code + "/statistics";
        JsonNode minutes = await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get(url + "?interval=minute").json(),
                s -> sum(s.get("series").get("points"), "sent") == 3);
        JsonNode points = minutes.get("series").get("points");
        assertThat(sum(points, "received")).isEqualTo(5);
        assertThat(sum(points, "filtered")).isEqualTo(1);
        assertThat(sum(points, "queued")).isEqualTo(3);
        assertThat(sum(points, "errored")).isEqualTo(1);
        assertThat(points.size()).as("every minute of the last hour, empty ones too").isEqualTo(61);
        JsonNode emr = minutes.get("series").get("destinations").get("emr");
        assertThat(sum(emr, "sent")).isEqualTo(3);
        assertThat(sum(emr, "queued")).isEqualTo(3);
        assertThat(emr.toString()).contains("latencyMillis");
        assertThat(minutes.get("received").asLong()).as("totals keep their shape").isEqualTo(5);
        assertThat(minutes.get("sent").asLong()).isEqualTo(3);

        JsonNode hours = admin.get(url + "?interval=hour").json().get("series");
        assertThat(sum(hours.get("points"), "received")).isEqualTo(5);
        assertThat(sum(hours.get("points"), "sent")).isEqualTo(3);
        assertThat(admin.get(url).json().has("series")).as("no range asked: totals only").isFalse();

        Api.Response badInterval = admin.get(url + "?interval=week");
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.json().get("code").asString()).isEqualTo("integration-statistics-interval");
        Api.Response tooLong = admin.get(url + "?interval=minute&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z");
        assertThat(tooLong.json().get("code").asString()).isEqualTo("integration-statistics-range-long");
        assertThat(admin.get(url + "?from=yesterday").json().get("code").asString())
                .isEqualTo("integration-statistics-time");
        assertThat(admin.get("/api/v1/integration/channels/nope-" + code + "/statistics?interval=hour").status())
                .isEqualTo(404);
    }

    @Test
    void prometheusShowsMessagesQueuesDeliveriesAndBreakersWithoutPatientData() throws Exception {
        Api admin = admin();
        String code = IntegrationEngineIT.code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, receiver.url("/" + code)));
        String down = IntegrationEngineIT.code();
        int downMllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + down,
                channel(down, downMllp, "http://127.0.0.1:" + closedPort() + "/gone"));
        sendMix(mllp);
        try (MllpClient his = MllpClient.await(downMllp)) {
            his.send(IntegrationEngineIT.adt("D-1", "P900001", "李四"));
            his.send(IntegrationEngineIT.adt("D-2", "P900002", "李四"));
        }
        Api scraper = new Api(port).withToken("test-scrape-token-2026");
        String scrape = await().atMost(Duration.ofSeconds(15)).until(() -> scraper.get("/actuator/prometheus").body(),
                body -> body.contains("medops_integration_breaker_open{channel=\"" + down + "\",destination=\"emr\"} 1.0")
                        && body.contains("medops_integration_queue_depth{channel=\"" + down + "\",destination=\"emr\"} 2.0")
                        && body.contains("medops_integration_messages_total{channel=\"" + code + "\",status=\"sent\"} 3.0")
                        // the depth gauges are refreshed on the scheduler, a tick after the last delivery
                        && body.contains("medops_integration_queue_depth{channel=\"" + code + "\",destination=\"emr\"} 0.0"));
        assertThat(scrape).contains(
                "medops_integration_messages_total{channel=\"" + code + "\",status=\"received\"} 5.0",
                "medops_integration_messages_total{channel=\"" + code + "\",status=\"filtered\"} 1.0",
                "medops_integration_messages_total{channel=\"" + code + "\",status=\"errored\"} 1.0",
                "medops_integration_delivery_seconds_count{channel=\"" + code + "\",destination=\"emr\"} 3",
                "medops_integration_queue_depth{channel=\"" + code + "\",destination=\"emr\"} 0.0",
                "medops_integration_breaker_open{channel=\"" + code + "\",destination=\"emr\"} 0.0");
        assertThat(scrape).as("no patient data in labels").doesNotContain("P100231", "P900001", "王小红", "李四", "S-1");
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void channelRulesNotifyAndACriticalOneOpensATicket() throws Exception {
        Api admin = admin();
        long hook = admin.post("/api/v1/notify/targets", """
                {"name":"集成值班","kind":"WEBHOOK","address":"%s"}""".formatted(hooks.url("/integration")))
                .json().get("id").asLong();
        String down = IntegrationEngineIT.code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + down, channel(down, mllp, "http://127.0.0.1:" + closedPort() + "/x"));
        String quiet = IntegrationEngineIT.code();
        admin.put("/api/v1/integration/channels/" + quiet, channel(quiet, ForkedMedops.freePort(), receiver.url("/q")));

        rule(admin, """
                {"name":"EMR 熔断 %1$s","kind":"CHANNEL_BREAKER_OPEN","subject":"%1$s","windowMinutes":1,"minCalls":0,
                 "severity":"CRITICAL","targetIds":[%2$d]}""".formatted(down, hook));
        rule(admin, """
                {"name":"积压 %1$s","kind":"CHANNEL_QUEUE","subject":"%1$s","threshold":2,"maxAgeMinutes":60,
                 "windowMinutes":1,"minCalls":0,"severity":"WARNING","targetIds":[%2$d]}""".formatted(down, hook));
        rule(admin, """
                {"name":"出错率 %1$s","kind":"CHANNEL_ERROR_RATE","subject":"%1$s","threshold":20,"windowMinutes":5,
                 "minCalls":2,"severity":"WARNING","targetIds":[%2$d]}""".formatted(down, hook));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(zone);
        rule(admin, """
                {"name":"无消息 %1$s","kind":"CHANNEL_SILENT","subject":"%1$s","windowMinutes":1,"minCalls":0,
                 "activeFrom":"%2$s","activeTo":"%3$s","severity":"WARNING","targetIds":[%4$d]}"""
                .formatted(quiet, hm.format(now.minusHours(2)), hm.format(now.plusHours(2)), hook));
        rule(admin, """
                {"name":"夜间无消息 %1$s","kind":"CHANNEL_SILENT","subject":"%1$s","windowMinutes":1,"minCalls":0,
                 "activeFrom":"%2$s","activeTo":"%3$s","severity":"WARNING","targetIds":[]}"""
                .formatted(quiet, hm.format(now.plusHours(2)), hm.format(now.plusHours(3))));

        try (MllpClient his = MllpClient.await(mllp)) {
            for (int i = 1; i <= 3; i++) {
                his.send(IntegrationEngineIT.adt("E-" + i, "P70000" + i, "张三"));
            }
            assertThat(his.send("garbage")).contains("MSA|AR");
        }

        // A message received 20 minutes ago still waiting: the queue is short, but its oldest entry too old.
        String stale = IntegrationEngineIT.code();
        admin.put("/api/v1/integration/channels/" + stale,
                channel(stale, ForkedMedops.freePort(), "http://127.0.0.1:" + closedPort() + "/y"));
        long old = jdbc.sql("select nextval('integration_message_ids')").query(Long.class).single();
        jdbc.sql("""
                        insert into integration_messages(id, received_day, received_at, channel_code, status, raw)
                        values (:id, cast(now() - interval '20 minutes' as date), now() - interval '20 minutes', :channel,
                            'QUEUED', 'MSH|^~\\&|HIS|H|EMR|H|20261202||ADT^A01|OLD-1|P|2.5.1\r')""")
                .param("id", old).param("channel", stale).update();
        jdbc.sql("""
                        insert into integration_deliveries(message_id, received_day, destination, status, updated_at)
                        values (:id, cast(now() - interval '20 minutes' as date), 'emr', 'QUEUED', now())""")
                .param("id", old).update();
        jdbc.sql("""
                        insert into integration_queue(channel_code, destination, message_id, received_day, next_attempt_at,
                            queued_at)
                        values (:channel, 'emr', :id, cast(now() - interval '20 minutes' as date), now(),
                            now() - interval '20 minutes')""")
                .param("channel", stale).param("id", old).update();
        rule(admin, """
                {"name":"久等 %1$s","kind":"CHANNEL_QUEUE","subject":"%1$s","threshold":100,"maxAgeMinutes":10,
                 "windowMinutes":1,"minCalls":0,"severity":"WARNING","targetIds":[]}""".formatted(stale));
        rule(admin, """
                {"name":"不急 %1$s","kind":"CHANNEL_QUEUE","subject":"%1$s","threshold":100,"maxAgeMinutes":60,
                 "windowMinutes":1,"minCalls":0,"severity":"WARNING","targetIds":[]}""".formatted(stale));

        JsonNode breaker = await().atMost(Duration.ofSeconds(15)).until(() -> alertOf(admin, "EMR 熔断 " + down),
                alert -> alert != null && alert.hasNonNull("ticketId"));
        assertThat(breaker.get("subject").asString()).isEqualTo(down + "/emr");
        assertThat(breaker.get("ticketNumber").asString()).startsWith("GD-");
        JsonNode backlog = await().atMost(Duration.ofSeconds(10)).until(() -> alertOf(admin, "积压 " + down),
                alert -> alert != null);
        assertThat(backlog.get("message").asString()).contains(down, "emr", "3");
        JsonNode errors = await().atMost(Duration.ofSeconds(10)).until(() -> alertOf(admin, "出错率 " + down),
                alert -> alert != null);
        assertThat(errors.get("message").asString()).contains("25.0%", "1/4");
        await().atMost(Duration.ofSeconds(10)).until(() -> alertOf(admin, "无消息 " + quiet) != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.bodies("/integration").stream()
                .anyMatch(b -> b.contains("EMR 熔断 " + down)) && hooks.bodies("/integration").stream()
                .anyMatch(b -> b.contains("无消息 " + quiet)));
        assertThat(String.join("\n", hooks.bodies("/integration"))).as("no patient data notified")
                .doesNotContain("P700001", "张三");
        JsonNode waiting = await().atMost(Duration.ofSeconds(10)).until(() -> alertOf(admin, "久等 " + stale),
                alert -> alert != null);
        assertThat(waiting.get("subject").asString()).isEqualTo(stale + "/emr");
        Thread.sleep(1000);
        assertThat(alertOf(admin, "不急 " + stale)).as("waiting less than its longest wait").isNull();
        assertThat(alertOf(admin, "夜间无消息 " + quiet)).as("outside its watched hours silence is expected").isNull();
        assertThat(alertOf(admin, "出错率 " + quiet)).isNull();
    }

    static void rule(Api admin, String json) {
        Api.Response created = admin.post("/api/v1/alert-rules", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    static JsonNode alertOf(Api admin, String ruleName) {
        for (JsonNode alert : admin.get("/api/v1/alerts?status=OPEN&size=200").json().get("rows")) {
            if (alert.get("ruleName").asString().equals(ruleName)) {
                return alert;
            }
        }
        return null;
    }
}
