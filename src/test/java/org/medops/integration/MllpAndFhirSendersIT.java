package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medops.integration.IntegrationEngineIT.adt;
import static org.medops.integration.IntegrationEngineIT.code;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * MLLP in, MLLP and FHIR out over real sockets: a real MLLP receiver that answers AA or AE or goes down, and a
 * FHIR server that creates (201) or refuses (422 with an OperationOutcome).
 */
@MedopsTest
class MllpAndFhirSendersIT {

    private static final String RETRY = """
            "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1}, "breaker": {"failures": 3, "open": "PT0.5S"}""";

    @LocalServerPort
    int port;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String mllpChannel(String code, int mllp, MllpReceiver partner) {
        return """
                {"name": "ADT → EMR (MLLP)", "source": {"type": "MLLP", "port": %d},
                 "destinations": [{"name": "emr", "type": "MLLP", "host": "127.0.0.1", "port": %d, "timeout": "PT2S", %s}]}"""
                .formatted(mllp, partner.port(), RETRY);
    }

    static JsonNode message(Api api, String channel, String controlId) {
        JsonNode rows = api.get("/api/v1/integration/messages?channel=" + channel + "&controlId=" + controlId).json()
                .get("rows");
        assertThat(rows).hasSize(1);
        return api.contentReader().get("/api/v1/integration/messages/" + rows.get(0).get("id").asLong()).json();
    }

    @Test
    void anAcceptedMllpMessageIsDeliveredAndItsAckStoredAsTheResponse() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        MllpReceiver emr = new MllpReceiver();
        try {
            assertThat(admin.put("/api/v1/integration/channels/" + code, mllpChannel(code, mllp, emr)).status()).isEqualTo(201);
            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(adt("M-1", "P1", "甲"))).contains("MSA|AA|M-1");
                assertThat(his.send(adt("M-2", "P2", "乙"))).contains("MSA|AA|M-2");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(message(admin, code, "M-2").get("status").asString()));
            assertThat(emr.received()).hasSize(2);
            assertThat(emr.received().get(0)).as("the message id travels as MSH-10").contains("|M-1|");
            JsonNode delivery = message(admin, code, "M-1").get("destinations").get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("SENT");
            assertThat(delivery.get("response").asString()).contains("MSA|AA|M-1");
        } finally {
            emr.down();
        }
    }

    @Test
    void anMllpErrorAckIsRetriedThenParkedWithMsa3AsTheReason() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        MllpReceiver emr = new MllpReceiver();
        emr.answer("AE");
        try {
            admin.put("/api/v1/integration/channels/" + code, mllpChannel(code, mllp, emr));
            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(adt("N-1", "P1", "甲"))).contains("MSA|AA|N-1");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "ERRORED".equals(message(admin, code, "N-1").get("status").asString()));
            JsonNode delivery = message(admin, code, "N-1").get("destinations").get(0);
            assertThat(delivery.get("attempts").asInt()).as("one retry of a rejection, then parked").isEqualTo(2);
            assertThat(delivery.get("error").asString()).isEqualTo("AE: 患者信息不完整");
            assertThat(emr.received()).hasSize(2);
        } finally {
            emr.down();
        }
    }

    @Test
    void whileTheMllpReceiverIsDownMessagesQueueAndArriveInOrderWhenItIsBack() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        MllpReceiver emr = new MllpReceiver();
        try {
            emr.down();
            admin.put("/api/v1/integration/channels/" + code, mllpChannel(code, mllp, emr));
            List<String> sent = new ArrayList<>();
            try (MllpClient his = MllpClient.await(mllp)) {
                for (int i = 1; i <= 10; i++) {
                    assertThat(his.send(adt("O-" + i, "P" + i, "病人"))).contains("MSA|AA|O-" + i);
                    sent.add("O-" + i);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/integration/channels/" + code
                    + "/destinations").json().get(0).get("queued").asLong() == 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> message(admin, code, "O-1").get("destinations").get(0)
                    .path("error").asString("").contains("connection refused"));
            emr.up();
            await().atMost(Duration.ofSeconds(20)).until(() -> emr.received().size() >= 10);
            assertThat(emr.received().stream().map(m -> m.split("\r")[0].split("\\|")[9]).toList())
                    .containsExactlyElementsOf(sent);
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/v1/integration/channels/" + code
                    + "/statistics").json().get("sent").asLong() == 10);
        } finally {
            emr.down();
        }
    }

    static String fhirChannel(int mllp, FhirServer fhir) {
        return """
                {"name": "ORU → FHIR", "source": {"type": "MLLP", "port": %d},
                 "transformer": {"steps": [{"to": "resourceType", "constant": "Observation"},
                   {"to": "status", "constant": "final"}, {"to": "subject.reference", "from": "PID-3.1"}]},
                 "destinations": [{"name": "fhir", "type": "FHIR", "url": "%s", "resource": "Observation", %s}]}"""
                .formatted(mllp, fhir.base(), RETRY);
    }

    @Test
    void aFhirServerCreatingTheResourceIsADeliveryAndA422IsParkedWithItsDiagnostics() throws Exception {
        Api admin = admin();
        String code = code();
        int mllp = ForkedMedops.freePort();
        FhirServer fhir = new FhirServer();
        try {
            assertThat(admin.put("/api/v1/integration/channels/" + code, fhirChannel(mllp, fhir)).status()).isEqualTo(201);
            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(adt("F-1", "P100", "甲"))).contains("MSA|AA|F-1");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(message(admin, code, "F-1").get("status").asString()));
            FhirServer.Request created = fhir.requests().get(0);
            long id = message(admin, code, "F-1").get("id").asLong();
            assertThat(created.method()).isEqualTo("POST");
            assertThat(created.path()).isEqualTo("/fhir/Observation");
            assertThat(created.contentType()).startsWith("application/fhir+json");
            assertThat(created.ifNoneExist()).isEqualTo("identifier=urn:medops:message-id|" + id);
            assertThat(created.body()).contains("\"resourceType\":\"Observation\"", "\"reference\":\"P100\"");

            fhir.answer(422);
            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(adt("F-2", "P101", "乙"))).contains("MSA|AA|F-2");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "ERRORED".equals(message(admin, code, "F-2").get("status").asString()));
            assertThat(message(admin, code, "F-2").get("destinations").get(0).get("error").asString())
                    .isEqualTo("HTTP 422: Observation.code: minimum required = 1, but only found 0");
        } finally {
            fhir.stop();
        }
    }

    @Test
    void aDestinationOfEachTypeMissingItsFieldsIsRefusedWithReasons() throws Exception {
        Api admin = admin();
        String code = code();
        Api.Response refused = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "x", "source": {"type": "MLLP", "port": %d},
                 "destinations": [{"name": "a", "type": "MLLP", "port": 0},
                   {"name": "b", "type": "FHIR", "url": "http://127.0.0.1:1/fhir", "resource": "not a resource"},
                   {"name": "c", "type": "SOAP"}]}""".formatted(ForkedMedops.freePort()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("integration-channel-invalid");
        assertThat(refused.json().get("reasons").toString()).contains("integration-destination-host",
                "integration-destination-port", "integration-destination-resource", "integration-destination-type");
    }
}
