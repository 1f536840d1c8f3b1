package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medops.integration.IntegrationEngineIT.adt;
import static org.medops.integration.IntegrationEngineIT.channelTo;
import static org.medops.integration.IntegrationEngineIT.code;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The response modes over a real MLLP connection and a real HTTP receiver: when the ACK leaves and what it says
 * after the destinations answered, refused, or did not answer in time.
 */
@MedopsTest
class ResponseModesIT {

    @LocalServerPort
    int port;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    /** A channel to the partner with a response mode (and a filter, where given) written into its document. */
    String save(Api admin, Receiver partner, String code, int mllp, String response) {
        String document = channelTo(partner, code, mllp).replace("\"source\":", "\"response\": " + response + ", \"source\":");
        var saved = admin.put("/api/v1/integration/channels/" + code, document);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return document;
    }

    @Test
    void afterAllDestinationsTheAckLeavesOnlyOnceTheReceiverHasTheMessage() throws Exception {
        Api admin = admin();
        Receiver partner = new Receiver();
        try {
            String code = code();
            int mllp = ForkedMedops.freePort();
            save(admin, partner, code, mllp, "{\"mode\": \"DELIVERED\", \"timeout\": \"PT2S\"}");
            try (MllpClient sender = MllpClient.await(mllp)) {
                assertThat(sender.send(adt("D-1", "P1", "王五"))).contains("MSA|AA|D-1");
                assertThat(partner.accepted("/" + code)).as("delivered before the ACK").hasSize(1);

                partner.answer(503);
                long started = System.nanoTime();
                String late = sender.send(adt("D-2", "P1", "王五"));
                assertThat(late).contains("MSA|AE|D-2").contains("not delivered within 2 s").contains("HTTP 503");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

                partner.answer(200);
                await().atMost(Duration.ofSeconds(10)).until(() -> partner.accepted("/" + code).size() == 2);
                assertThat(sender.send(adt("D-2", "P1", "王五"))).as("the resend is a duplicate: taken, not sent again")
                        .contains("MSA|AA|D-2");
            }
            Thread.sleep(500);
            assertThat(partner.accepted("/" + code)).extracting(Receiver.Request::messageId).doesNotHaveDuplicates()
                    .hasSize(2);
        } finally {
            partner.down();
        }
    }

    @Test
    void withADestinationsResponseARefusalIsAnsweredAe() throws Exception {
        Api admin = admin();
        Receiver partner = new Receiver();
        try {
            String code = code();
            int mllp = ForkedMedops.freePort();
            save(admin, partner, code, mllp, "{\"mode\": \"DESTINATION\", \"destination\": \"emr\"}");
            try (MllpClient sender = MllpClient.await(mllp)) {
                assertThat(sender.send(adt("R-1", "P2", "赵六"))).contains("MSA|AA|R-1");
                partner.answer(400);
                assertThat(sender.send(adt("R-2", "P2", "赵六"))).contains("MSA|AE|R-2").contains("refused by emr")
                        .contains("HTTP 400");
            }
        } finally {
            partner.down();
        }
    }

    @Test
    void onReceiptAFailedTransformerIsStillAcceptedAndTheRulesAreChecked() throws Exception {
        Api admin = admin();
        Receiver partner = new Receiver();
        try {
            String code = code();
            int mllp = ForkedMedops.freePort();
            String document = channelTo(partner, code, mllp).replace("\"source\":",
                    "\"response\": {\"mode\": \"RECEIVED\"}, \"filter\": \"$number('x') > 1\", \"source\":");
            assertThat(admin.put("/api/v1/integration/channels/" + code, document).status()).isEqualTo(201);
            try (MllpClient sender = MllpClient.await(mllp)) {
                assertThat(sender.send(adt("F-1", "P3", "钱七"))).contains("MSA|AA|F-1");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/v1/integration/messages?channel=" + code
                    + "&status=ERRORED").json().get("rows").size() == 1);

            String other = code();
            var refused = admin.put("/api/v1/integration/channels/" + other, channelTo(partner, other,
                    ForkedMedops.freePort()).replace("\"source\":", "\"response\": {\"mode\": \"DESTINATION\", "
                    + "\"destination\": \"lis\", \"timeout\": \"PT10M\"}, \"source\":"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("integration-response-destination").contains("integration-response-timeout");
            assertThat(admin.put("/api/v1/integration/channels/" + other, channelTo(partner, other,
                    ForkedMedops.freePort()).replace("\"source\":", "\"response\": {\"mode\": \"LATER\"}, \"source\":"))
                    .json().get("code").asString()).isEqualTo("integration-channel-json");
        } finally {
            partner.down();
        }
    }
}
