package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The engine end to end over real sockets: MLLP in, group-committed store, transformer, HTTP out to a real
 * receiver; duplicates, malformed input, a receiver that goes down, rejections and reprocessing.
 */
@MedopsTest
class IntegrationEngineIT {

    static final Receiver receiver = new Receiver();

    @LocalServerPort
    int port;

    @AfterAll
    static void stopReceiver() {
        receiver.down();
    }

    static String adt(String controlId, String patientId, String name) {
        return "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01^ADT_A01|" + controlId + "|P|2.5.1\r"
                + "EVN|A01|20261202083000\r"
                + "PID|1||" + patientId + "^^^HOSP^MR||" + name + "^^^^^^L||19900307|F|||||13800138000|||||||110101199003071234\r"
                + "PV1|1|I|ICU^01^02\r";
    }

    /** A channel listening on a free port, delivering to the receiver at {@code path}. */
    static String channel(String code, int mllpPort, String path, String extra) {
        return """
                {"code": "%s", "name": "ADT 入院登记 → EMR",
                 "source": {"type": "MLLP", "port": %d},%s
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s", "method": "POST",
                   "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1},
                   "breaker": {"failures": 3, "open": "PT0.5S"}}]}"""
                .formatted(code, mllpPort, extra, receiver.url(path));
    }

    static final String TRANSFORMER = """
             "transformer": {"steps": [
               {"to": "patient.id", "from": "PID-3.1"},
               {"to": "patient.name", "from": "PID-5.1"},
               {"to": "patient.sex", "from": "PID-8", "table": {"F": "女", "M": "男"}, "fallback": "未知"},
               {"to": "event", "jsonata": "MSH.`MSH-9`.`MSH-9.2`"},
               {"to": "source", "constant": "HIS"}]},""";

    /** A channel delivering to a receiver of the test's own, which it can take down or make refuse. */
    static String channelTo(Receiver partner, String code, int mllpPort) {
        return channel(code, mllpPort, "/" + code, "").replace(receiver.url("/" + code), partner.url("/" + code));
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String code() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode message(Api api, String channel, String controlId) {
        JsonNode rows = api.get("/api/v1/integration/messages?channel=" + channel + "&controlId=" + controlId).json()
                .get("rows");
        assertThat(rows).hasSize(1);
        return api.contentReader().get("/api/v1/integration/messages/" + rows.get(0).get("id").asLong()).json();
    }

    @Test
    void aChannelDocumentIsStoredAsWrittenVersionedAndRevertable() throws Exception {
        Api admin = admin();
        String code = code();
        String first = channel(code, ForkedMedops.freePort(), "/doc", "");
        assertThat(admin.put("/api/v1/integration/channels/" + code, first).status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/integration/channels/" + code).body()).isEqualTo(first);

        String second = first.replace("ADT 入院登记", "ADT 入院");
        Api.Response saved = admin.put("/api/v1/integration/channels/" + code, second);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/integration/channels/" + code + "/versions").json()).hasSize(2);
        assertThat(admin.get("/api/v1/integration/channels/" + code + "/versions/1").body()).isEqualTo(first);

        assertThat(admin.post("/api/v1/integration/channels/" + code + "/versions/1/revert", "").json()
                .get("version").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/v1/integration/channels/" + code).body()).isEqualTo(first);
        assertThat(admin.get("/api/v1/integration/channels/" + code + "/versions/9").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/integration/channels/nope-" + code).status()).isEqualTo(404);
    }

    @Test
    void aBrokenDocumentIsRefusedWithEveryReason() throws Exception {
        Api admin = admin();
        String code = code();
        Api.Response refused = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "", "source": {"type": "MLLP", "port": 70000}, "filter": "(((",
                 "destinations": [{"name": "a b", "type": "HTTP", "url": "ftp://x"}]}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("integration-channel-invalid");
        assertThat(refused.json().get("reasons").toString()).contains("integration-channel-name",
                "integration-source-port", "integration-channel-filter", "integration-destination-name",
                "integration-destination-url");

        Api.Response typo = admin.put("/api/v1/integration/channels/" + code,
                channel(code, ForkedMedops.freePort(), "/x", "\"fitler\": \"true\","));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("code").asString()).isEqualTo("integration-channel-json");
        assertThat(typo.body()).contains("fitler");

        int taken = ForkedMedops.freePort();
        assertThat(admin.put("/api/v1/integration/channels/" + code, channel(code, taken, "/x", "")).status()).isEqualTo(201);
        String other = code();
        Api.Response clash = admin.put("/api/v1/integration/channels/" + other, channel(other, taken, "/x", ""));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("code").asString()).isEqualTo("integration-channel-port-taken");
    }

    @Test
    void mllpMessagesAreStoredAcknowledgedTransformedAndDeliveredWithAStableId() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, "/" + code, TRANSFORMER));
        String ack;
        try (MllpClient his = MllpClient.await(mllp)) {
            ack = his.send(adt("C-1", "P100234", "王小红"));
        }
        assertThat(ack).contains("MSA|AA|C-1").startsWith("MSH|^~\\&|EMR|HOSP|HIS|HOSP|");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 1);
        Receiver.Request delivered = receiver.accepted("/" + code).get(0);
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(delivered.body());
        assertThat(body.get("patient").get("id").asString()).isEqualTo("P100234");
        assertThat(body.get("patient").get("name").asString()).isEqualTo("王小红");
        assertThat(body.get("patient").get("sex").asString()).isEqualTo("女");
        assertThat(body.get("event").asString()).isEqualTo("A01");
        assertThat(delivered.contentType()).startsWith("application/json");

        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(message(admin, code, "C-1").get("status").asString()));
        JsonNode stored = message(admin, code, "C-1");
        assertThat(delivered.messageId()).isEqualTo(stored.get("id").asString());
        assertThat(stored.get("destinations").get(0).get("name").asString()).isEqualTo("emr");
        assertThat(stored.get("destinations").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(stored.get("masked").asBoolean()).as("the administrator holds no data permission").isTrue();
        assertThat(stored.get("raw").asString()).contains("MSH|^~\\&|HIS").doesNotContain("P100234", "王小红",
                "110101199003071234");
        assertThat(stored.get("transformed").asString()).contains("\"source\":\"HIS\"").doesNotContain("P100234");

        JsonNode statistics = admin.get("/api/v1/integration/channels/" + code + "/statistics").json();
        assertThat(statistics.get("received").asLong()).isEqualTo(1);
        assertThat(statistics.get("sent").asLong()).isEqualTo(1);
        assertThat(statistics.get("errored").asLong()).isZero();
    }

    @Test
    void aResentControlIdIsAcknowledgedButNotDeliveredTwice() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, "/" + code, ""));
        try (MllpClient his = MllpClient.await(mllp)) {
            assertThat(his.send(adt("D-1", "P1", "甲"))).contains("MSA|AA|D-1");
            assertThat(his.send(adt("D-1", "P1", "甲"))).contains("MSA|AA|D-1");
            assertThat(his.send(adt("D-2", "P2", "乙"))).contains("MSA|AA|D-2");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 2);
        Thread.sleep(300);
        assertThat(receiver.accepted("/" + code)).extracting(Receiver.Request::body)
                .anySatisfy(b -> assertThat(b).contains("D-1")).anySatisfy(b -> assertThat(b).contains("D-2")).hasSize(2);
        assertThat(receiver.accepted("/" + code).get(0).contentType()).startsWith("application/hl7-v2");
        JsonNode statistics = admin.get("/api/v1/integration/channels/" + code + "/statistics").json();
        assertThat(statistics.get("received").asLong()).isEqualTo(3);
        assertThat(statistics.get("filtered").asLong()).as("the duplicate").isEqualTo(1);
    }

    @Test
    void malformedInputIsAnsweredWithAReasonAndStoredAsErrored() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, "/" + code, ""));
        try (MllpClient sender = MllpClient.await(mllp)) {
            assertThat(sender.send("hello, this is not HL7")).contains("MSA|AR|").contains("MSH segment");
            assertThat(sender.sendRaw("MSH|^~\\&|A|B|||||ADT^A01|X-1|P|2.5\r".getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8)).contains("MSA|AR|X-1|MLLP framing");
            byte[] gbk = adt("E-1", "P9", "张三").replace("2.5.1", "2.5.1|||||CHN|UNICODE UTF-8")
                    .getBytes(Charset.forName("GBK"));
            assertThat(sender.send(gbk, StandardCharsets.UTF_8)).contains("MSA|AR|").contains("UTF-8");
            assertThat(sender.send(adt("E-2", "P9", "张三"))).as("the connection still works").contains("MSA|AA|E-2");
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                admin.get("/api/v1/integration/channels/" + code + "/statistics").json().get("errored").asLong() == 3);
        assertThat(admin.get("/api/v1/integration/messages?channel=" + code + "&status=ERRORED").json().get("rows"))
                .hasSize(3);
    }

    @Test
    void aFilteredMessageIsAcknowledgedAndNotDelivered() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, "/" + code,
                "\"filter\": \"MSH.`MSH-9`.`MSH-9.2` = 'A01'\","));
        try (MllpClient his = MllpClient.await(mllp)) {
            assertThat(his.send(adt("F-1", "P1", "甲").replace("ADT^A01", "ADT^A08"))).contains("MSA|AA|F-1");
            assertThat(his.send(adt("F-2", "P1", "甲"))).contains("MSA|AA|F-2");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(receiver.accepted("/" + code).get(0).body()).contains("F-2");
        assertThat(message(admin, code, "F-1").get("status").asString()).isEqualTo("FILTERED");
    }

    @Test
    void whileTheReceiverIsDownMessagesWaitTheBreakerOpensAndAllArriveInOrderAfterwards() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        Receiver partner = new Receiver();
        try {
            admin.put("/api/v1/integration/channels/" + code, channelTo(partner, code, mllp));
            partner.down();
            List<String> sent = new ArrayList<>();
            try (MllpClient his = MllpClient.await(mllp)) {
                for (int i = 1; i <= 20; i++) {
                    String id = "Q-" + i;
                    assertThat(his.send(adt(id, "P" + i, "病人"))).as("the source keeps acknowledging").contains("MSA|AA|" + id);
                    sent.add(id);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/integration/channels/" + code
                    + "/destinations").json().get(0).get("breaker").asString().equals("OPEN"));
            assertThat(admin.get("/api/v1/integration/channels/" + code + "/destinations").json().get(0)
                    .get("queued").asLong()).isEqualTo(20);

            partner.up();
            await().atMost(Duration.ofSeconds(20)).until(() -> partner.accepted("/" + code).size() >= 20);
            List<String> order = partner.accepted("/" + code).stream()
                    .map(r -> r.body().split("\\|")[9]).toList();
            assertThat(order).containsExactlyElementsOf(sent);
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/v1/integration/channels/" + code
                    + "/statistics").json().get("sent").asLong() == 20);
        } finally {
            partner.down();
        }
    }

    @Test
    void aRejectedMessageIsParkedAsErroredAndCanBeReprocessed() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        Receiver partner = new Receiver();
        try {
            admin.put("/api/v1/integration/channels/" + code, channelTo(partner, code, mllp));
            partner.answer(422);
            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(adt("R-1", "P1", "甲"))).contains("MSA|AA|R-1");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "ERRORED".equals(message(admin, code, "R-1").get("status").asString()));
            JsonNode parked = message(admin, code, "R-1");
            assertThat(parked.get("destinations").get(0).get("attempts").asInt()).as("one try and one retry").isEqualTo(2);
            assertThat(parked.get("destinations").get(0).get("error").asString()).isEqualTo("HTTP 422");

            partner.answer(200);
            Api.Response reprocessed = admin.post("/api/v1/integration/messages/" + parked.get("id").asLong() + "/reprocess", "");
            assertThat(reprocessed.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(message(admin, code, "R-1").get("status").asString()));
            assertThat(partner.accepted("/" + code)).hasSize(1);
            assertThat(admin.auditAdmin().get("/api/v1/audit?action=integration.message.reprocess").json().get("entries"))
                    .as("the reprocess is audited").anySatisfy(e -> assertThat(e.get("targetId").asString())
                            .isEqualTo(parked.get("id").asString()));
            assertThat(admin.post("/api/v1/integration/messages/999999999/reprocess", "").status()).isEqualTo(404);
        } finally {
            partner.down();
        }
    }

    @Test
    void aDisabledChannelStopsListeningAndAnEnabledOneListensAgain() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, "/" + code, ""));
        MllpClient.await(mllp).close();
        assertThat(admin.post("/api/v1/integration/channels/" + code + "/disable", "").json().get("enabled").asBoolean())
                .isFalse();
        await().atMost(Duration.ofSeconds(3)).until(() -> {
            try (MllpClient ignored = new MllpClient(mllp)) {
                return false;
            } catch (java.io.IOException refused) {
                return true;
            }
        });
        admin.post("/api/v1/integration/channels/" + code + "/enable", "");
        try (MllpClient his = MllpClient.await(mllp)) {
            assertThat(his.send(adt("G-1", "P1", "甲"))).contains("MSA|AA|G-1");
        }
    }
}
