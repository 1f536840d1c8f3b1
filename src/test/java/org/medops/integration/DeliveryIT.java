package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Delivery under a lease with batches and lanes, against real PostgreSQL and real HTTP partners: no transaction
 * stays open during a send, one slow partner does not hold up another channel, order holds across retries in a
 * long stream, and parallel lanes keep each patient's order.
 */
@MedopsTest
class DeliveryIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String channel(String code, int mllpPort, String url, String destinationExtra) {
        return """
                {"name": "投递测试", "source": {"type": "MLLP", "port": %d},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s",%s
                   "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1},
                   "breaker": {"failures": 3, "open": "PT0.5S"}}]}"""
                .formatted(mllpPort, url, destinationExtra);
    }

    static String adt(String controlId, String patientId) {
        return IntegrationEngineIT.adt(controlId, patientId, "病人");
    }

    @Test
    void aSlowPartnerHoldsNoTransactionDuringTheSendAndDoesNotDelayAnotherChannel() throws Exception {
        try (Partner slow = new Partner(n -> new Partner.Answer(2000, 200));
             Partner fast = new Partner(n -> new Partner.Answer(0, 200))) {
            Api admin = admin();
            String slowCode = IntegrationEngineIT.code();
            String fastCode = IntegrationEngineIT.code();
            int slowPort = ForkedMedops.freePort();
            int fastPort = ForkedMedops.freePort();
            assertThat(admin.put("/api/v1/integration/channels/" + slowCode,
                    channel(slowCode, slowPort, slow.url("/slow"), "")).status()).isEqualTo(201);
            assertThat(admin.put("/api/v1/integration/channels/" + fastCode,
                    channel(fastCode, fastPort, fast.url("/fast"), "")).status()).isEqualTo(201);
            try (MllpClient his = MllpClient.await(slowPort)) {
                for (int i = 1; i <= 3; i++) {
                    assertThat(his.send(adt("S-" + i, "P1"))).contains("MSA|AA|S-" + i);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> slow.inFlight() == 1);

            // While the slow partner thinks, the other channel's message goes through at once ...
            long sent = System.nanoTime();
            try (MllpClient lis = MllpClient.await(fastPort)) {
                assertThat(lis.send(adt("F-1", "P2"))).contains("MSA|AA|F-1");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.accepted("/fast").size() == 1);
            assertThat(Duration.ofNanos(fast.accepted("/fast").get(0).arrivedNanos() - sent))
                    .as("not queued behind the slow partner").isLessThan(Duration.ofMillis(1500));

            // ... and no session of ours sits idle in a transaction (as a row lock held across the send would).
            // Other work in the shared context passes through 'idle in transaction' for a few milliseconds
            // between statements; a transaction held across this 2 s send would stay there far longer.
            for (int i = 0; i < 10; i++) {
                assertThat(slow.inFlight()).as("the slow send is still under way").isEqualTo(1);
                Integer idleInTransaction = jdbc.queryForObject("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()
                          and state like 'idle in transaction%'
                          and clock_timestamp() - state_change > interval '300 milliseconds'""", Integer.class);
                assertThat(idleInTransaction).isZero();
                Thread.sleep(100);
            }

            JsonNode destination = admin.get("/api/v1/integration/channels/" + slowCode + "/destinations").json().get(0);
            assertThat(destination.get("queued").asLong()).isPositive();
            assertThat(destination.get("node").asString()).as("the lease holder is shown").isNotBlank();
            assertThat(destination.get("breaker").asString()).isEqualTo("CLOSED");
            assertThat(destination.get("oldestQueuedSeconds").asLong()).isGreaterThanOrEqualTo(0);
            await().atMost(Duration.ofSeconds(15)).until(() -> slow.accepted("/slow").size() == 3);
            assertThat(slow.accepted("/slow").stream().map(Partner.Request::controlId).toList())
                    .containsExactly("S-1", "S-2", "S-3");
        }
    }

    @Test
    void fiveHundredMessagesArriveInOrderThoughEveryFiftiethAnswerIsA503() throws Exception {
        try (Partner partner = new Partner(n -> new Partner.Answer(0, n % 50 == 0 ? 503 : 200))) {
            Api admin = admin();
            String code = IntegrationEngineIT.code();
            int mllp = ForkedMedops.freePort();
            assertThat(admin.put("/api/v1/integration/channels/" + code,
                    channel(code, mllp, partner.url("/batch"), "")).status()).isEqualTo(201);
            List<String> sent = new ArrayList<>();
            try (MllpClient his = MllpClient.await(mllp)) {
                for (int i = 1; i <= 500; i++) {
                    String id = "B-" + i;
                    assertThat(his.send(adt(id, "P" + (i % 7)))).contains("MSA|AA|" + id);
                    sent.add(id);
                }
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> partner.accepted("/batch").size() >= 500);
            assertThat(partner.accepted("/batch").stream().map(Partner.Request::controlId).toList())
                    .as("in order, each once").containsExactlyElementsOf(sent);
            assertThat(partner.all("/batch").stream().filter(r -> r.answered() == 503).count())
                    .as("the 503s were answered and retried").isGreaterThanOrEqualTo(10);
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/v1/integration/channels/" + code
                    + "/statistics").json().get("sent").asLong() == 500);
            assertThat(admin.get("/api/v1/integration/channels/" + code + "/statistics").json().get("errored").asLong())
                    .isZero();
        }
    }

    @Test
    void parallelLanesKeepEachPatientsOrder() throws Exception {
        try (Partner partner = new Partner(n -> new Partner.Answer(ThreadLocalRandom.current().nextLong(0, 25), 200))) {
            Api admin = admin();
            String code = IntegrationEngineIT.code();
            int mllp = ForkedMedops.freePort();
            assertThat(admin.put("/api/v1/integration/channels/" + code, channel(code, mllp, partner.url("/lanes"),
                    " \"parallel\": {\"key\": \"PID-3.1\", \"workers\": 4},")).status()).isEqualTo(201);
            Random random = new Random(13);
            Map<String, List<String>> sentByPatient = new LinkedHashMap<>();
            try (MllpClient his = MllpClient.await(mllp)) {
                for (int i = 1; i <= 400; i++) {
                    String patient = "PAT" + random.nextInt(20);
                    String id = "L-" + i;
                    assertThat(his.send(adt(id, patient))).contains("MSA|AA|" + id);
                    sentByPatient.computeIfAbsent(patient, p -> new ArrayList<>()).add(id);
                }
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> partner.accepted("/lanes").size() >= 400);
            Map<String, List<String>> deliveredByPatient = partner.accepted("/lanes").stream().collect(Collectors.groupingBy(
                    r -> r.body().split("\r")[2].split("\\|")[3].split("\\^")[0], LinkedHashMap::new,
                    Collectors.mapping(Partner.Request::controlId, Collectors.toList())));
            assertThat(deliveredByPatient.keySet()).containsExactlyInAnyOrderElementsOf(sentByPatient.keySet());
            sentByPatient.forEach((patient, ids) ->
                    assertThat(deliveredByPatient.get(patient)).as("order of " + patient).containsExactlyElementsOf(ids));
            assertThat(partner.mostInFlight()).as("lanes delivered side by side").isGreaterThan(1);
            JsonNode destination = admin.get("/api/v1/integration/channels/" + code + "/destinations").json().get(0);
            assertThat(destination.get("lanes").asInt()).isEqualTo(4);
        }
    }

    @Test
    void aParallelSettingOutOfRangeIsRefusedWithItsReasons() {
        Api admin = admin();
        String code = IntegrationEngineIT.code();
        Api.Response refused = admin.put("/api/v1/integration/channels/" + code, channel(code, 7001,
                "http://127.0.0.1:9/x", " \"parallel\": {\"key\": \"patient id\", \"workers\": 33},"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("integration-channel-invalid");
        assertThat(refused.json().get("reasons").toString())
                .contains("integration-destination-parallel-key", "integration-destination-parallel-workers");
    }
}
