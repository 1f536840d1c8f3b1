package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.integration.intake.PollLocks;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP and FHIR listeners over real sockets: JSON in → stored → HTTP receiver; HL7 over HTTP answered with its
 * ACK; a FHIR Patient created (201) and invalid ones refused with an OperationOutcome; bad input of each data type
 * stored as errored and answered as the source answers errors.
 */
@MedopsTest
class IntegrationSourcesIT {

    static final Receiver receiver = new Receiver();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    PollLocks pollLocks;

    @Autowired
    TransactionTemplate transactions;

    @AfterAll
    static void stopReceiver() {
        receiver.down();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String code() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String destination(String code) {
        return """
                "destinations": [{"name": "emr", "type": "HTTP", "url": "%s",
                  "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1}}]""".formatted(receiver.url("/" + code));
    }

    static HttpResponse<String> post(int port, String path, String contentType, byte[] body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits until the channel's listener answers on its port (deployment runs twice a second). */
    static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get(port, "/__probe").statusCode() > 0);
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    JsonNode stored(Api api, long id) {
        return api.contentReader().get("/api/v1/integration/messages/" + id).json();
    }

    @Test
    void jsonPostedToTheHttpListenerIsStoredTransformedAndDelivered() throws Exception {
        Api admin = admin();
        String code = code();
        int listen = ForkedMedops.freePort();
        String token = "lis-secret-0123456789";
        assertThat(admin.put("/api/v1/integration/channels/" + code, """
                {"name": "LIS JSON", "source": {"type": "HTTP", "port": %d, "path": "/lis/results", "dataType": "JSON",
                  "token": "%s"},
                 "filter": "kind = 'lab'",
                 "transformer": {"steps": [{"to": "patient", "from": "patient.id"}, {"to": "first", "from": "results[0].code"},
                   {"to": "count", "jsonata": "$count(results)"}]},
                 %s}""".formatted(listen, token, destination(code))).status()).isEqualTo(201);
        String document = admin.get("/api/v1/integration/channels/" + code).body();
        assertThat(document).as("the secret is stored hashed").doesNotContain(token).contains("sha256:");
        awaitListening(listen);

        String result = "{\"kind\": \"lab\", \"patient\": {\"id\": \"P7\", \"name\": \"王小红\"}, \"results\": [{\"code\": \"GLU\"}, {\"code\": \"K\"}]}";
        HttpResponse<String> unauthorized = post(listen, "/lis/results", "application/json", result.getBytes(), "wrong-token-000000");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json(unauthorized.body()).get("code").asString()).isEqualTo("integration-http-token");

        HttpResponse<String> accepted = post(listen, "/lis/results", "application/json", result.getBytes(), token);
        assertThat(accepted.statusCode()).isEqualTo(200);
        long id = json(accepted.body()).get("id").asLong();
        assertThat(json(accepted.body()).get("status").asString()).isEqualTo("QUEUED");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(json(receiver.accepted("/" + code).get(0).body()).toString())
                .isEqualTo("{\"patient\":\"P7\",\"first\":\"GLU\",\"count\":2}");
        assertThat(receiver.accepted("/" + code).get(0).messageId()).isEqualTo(String.valueOf(id));
        JsonNode shown = stored(admin, id);
        assertThat(shown.get("masked").asBoolean()).as("the administrator holds no data permission").isTrue();
        assertThat(shown.get("raw").asString()).doesNotContain("王小红", "P7").contains("王**", "GLU");
        assertThat(shown.get("transformed").asString()).doesNotContain("P7").contains("\"count\":2");

        HttpResponse<String> filtered = post(listen, "/lis/results", "application/json",
                "{\"kind\": \"other\"}".getBytes(), token);
        assertThat(json(filtered.body()).get("status").asString()).isEqualTo("FILTERED");

        HttpResponse<String> malformed = post(listen, "/lis/results", "application/json", "{\"kind\": ".getBytes(), token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        JsonNode problem = json(malformed.body());
        assertThat(problem.get("code").asString()).isEqualTo("integration-http-malformed");
        assertThat(problem.get("detail").asString()).contains("not JSON");
        assertThat(stored(admin, problem.get("id").asLong()).get("status").asString()).isEqualTo("ERRORED");

        assertThat(post(listen, "/other", "application/json", result.getBytes(), token).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = get(listen, "/lis/results");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(receiver.accepted("/" + code)).hasSize(1);

        HttpResponse<String> tooLarge = post(listen, "/lis/results", "application/json", new byte[16 * 1024 * 1024 + 1], token);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge.body()).get("code").asString()).isEqualTo("integration-http-too-large");

        // Saving what was read keeps the hash (it is not hashed again), and the secret still opens the listener.
        assertThat(admin.put("/api/v1/integration/channels/" + code, document).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/integration/channels/" + code).body()).isEqualTo(document);
        assertThat(post(listen, "/lis/results", "application/json", result.getBytes(), token).statusCode()).isEqualTo(200);
    }

    @Test
    void hl7OverHttpIsAnsweredWithItsAck() throws Exception {
        Api admin = admin();
        String code = code();
        int listen = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, """
                {"name": "HL7 over HTTP", "source": {"type": "HTTP", "port": %d, "path": "/hl7", "dataType": "HL7V2"},
                 %s}""".formatted(listen, destination(code)));
        awaitListening(listen);
        HttpResponse<String> ack = post(listen, "/hl7", "application/hl7-v2",
                IntegrationEngineIT.adt("H-1", "P1", "李四").getBytes(StandardCharsets.UTF_8), null);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/hl7-v2");
        assertThat(ack.body()).contains("MSA|AA|H-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(receiver.accepted("/" + code).get(0).contentType()).startsWith("application/hl7-v2");

        HttpResponse<String> refused = post(listen, "/hl7", "application/hl7-v2", "not hl7".getBytes(), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("MSA|AR|").contains("MSH segment");
    }

    @Test
    void aFhirPatientIsCreatedAndInvalidResourcesGetAnOperationOutcome() throws Exception {
        Api admin = admin();
        String code = code();
        int listen = ForkedMedops.freePort();
        assertThat(admin.put("/api/v1/integration/channels/" + code, """
                {"name": "FHIR", "source": {"type": "FHIR", "port": %d, "resources": ["Patient", "Observation"]},
                 "transformer": {"steps": [{"to": "id", "from": "identifier[0].value"}, {"to": "family", "from": "name[0].family"}]},
                 %s}""".formatted(listen, destination(code))).status()).isEqualTo(201);
        awaitListening(listen);

        HttpResponse<String> metadata = get(listen, "/fhir/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode statement = json(metadata.body());
        assertThat(statement.get("resourceType").asString()).isEqualTo("CapabilityStatement");
        assertThat(statement.get("rest").get(0).get("resource").findValuesAsString("type"))
                .containsExactly("Patient", "Observation");

        String patient = """
                {"resourceType": "Patient", "identifier": [{"system": "urn:hosp:mr", "value": "MR-42"}],
                 "name": [{"family": "张", "given": ["三"]}], "gender": "male", "birthDate": "1990-03-07"}""";
        HttpResponse<String> created = post(listen, "/fhir/Patient", "application/fhir+json",
                patient.getBytes(StandardCharsets.UTF_8), null);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.headers().firstValue("X-MedOps-Message-Id").orElseThrow();
        assertThat(created.headers().firstValue("Location")).hasValue("/fhir/Patient/" + id + "/_history/1");
        assertThat(stored(admin, Long.parseLong(id)).get("messageType").asString()).isEqualTo("Patient");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(receiver.accepted("/" + code).get(0).body()).isEqualTo("{\"id\":\"MR-42\",\"family\":\"张\"}");

        HttpResponse<String> invalid = post(listen, "/fhir/Patient", "application/fhir+json",
                "{\"resourceType\": \"Patient\", \"gender\": \"robot\"}".getBytes(), null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode outcome = json(invalid.body());
        assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.get("issue").get(0).get("code").asString()).isEqualTo("invalid");
        assertThat(stored(admin, outcome.get("id").asLong()).get("status").asString()).isEqualTo("ERRORED");

        HttpResponse<String> wrongType = post(listen, "/fhir/Patient", "application/fhir+json",
                "{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"text\": \"GLU\"}}".getBytes(), null);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType.body()).get("issue").get(0).get("diagnostics").asString())
                .contains("Observation resource was posted to the Patient endpoint");

        HttpResponse<String> notServed = post(listen, "/fhir/Encounter", "application/fhir+json", "{}".getBytes(), null);
        assertThat(notServed.statusCode()).isEqualTo(404);
        assertThat(json(notServed.body()).get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(receiver.accepted("/" + code)).hasSize(1);
    }

    @Test
    void sourceDocumentsAreCheckedPerType() throws Exception {
        Api admin = admin();
        String code = code();
        Api.Response refused = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "bad", "source": {"type": "FHIR", "port": %d, "resources": ["Patient", "Nonsense"],
                  "dataType": "XML"}, %s}""".formatted(ForkedMedops.freePort(), destination(code)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("reasons").toString()).contains("integration-source-resources",
                "integration-source-data-type");
        Api.Response step = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "bad", "source": {"type": "HTTP", "port": %d, "dataType": "JSON"},
                 "transformer": {"steps": [{"to": "x", "from": "PID-3.1"}, {"to": "y", "from": "a..b"}]}, %s}"""
                .formatted(ForkedMedops.freePort(), destination(code)));
        assertThat(step.json().get("reasons").toString()).contains("integration-step-from");
    }

    static final String DEVICE_HEADER = "样本号\t项目\t结果\t单位\n";

    static String fileChannel(java.nio.file.Path in, java.nio.file.Path done, java.nio.file.Path out, String code) {
        return """
                {"name": "血气分析仪", "source": {"type": "FILE", "directory": "%s", "pattern": "*.txt", "interval": "PT0.2S",
                  "after": "MOVE", "archive": "%s", "charset": "GBK", "dataType": "DELIMITED"},
                 "transformer": {"steps": [{"to": "sample", "from": "rows[0].样本号"}],
                   "jsonata": "{'sample': $steps.sample, 'results': rows.{'code': 项目, 'value': $number(结果), 'unit': 单位}}"},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s", "retry": {"initial": "PT0.05S", "max": "PT0.2S"}},
                   {"name": "copy", "type": "FILE", "directory": "%s", "file": "${controlId}.json"}]}"""
                .formatted(in, done, receiver.url("/" + code), out);
    }

    @Test
    void aGbkDelimitedDeviceFileIsReadMovedAndDeliveredAsJsonOnce() throws Exception {
        Api admin = admin();
        String code = code();
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("medops-files");
        java.nio.file.Path in = java.nio.file.Files.createDirectories(root.resolve("in"));
        java.nio.file.Path done = root.resolve("done");
        java.nio.file.Path out = root.resolve("out");
        assertThat(admin.put("/api/v1/integration/channels/" + code, fileChannel(in, done, out, code)).status())
                .isEqualTo(201);
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        byte[] export = (DEVICE_HEADER + "S-1\t钾\t4.2\tmmol/L\nS-1\t钠\t140\tmmol/L\n").getBytes(gbk);
        java.nio.file.Path file = in.resolve("result-1.txt");
        java.nio.file.Files.write(file, export);

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(receiver.accepted("/" + code).get(0).body()).isEqualTo(
                "{\"sample\":\"S-1\",\"results\":[{\"code\":\"钾\",\"value\":4.2,\"unit\":\"mmol/L\"},"
                        + "{\"code\":\"钠\",\"value\":140,\"unit\":\"mmol/L\"}]}");
        assertThat(file).doesNotExist();
        assertThat(done.resolve("result-1.txt")).hasBinaryContent(export);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (var written = java.nio.file.Files.list(out)) {
                return written.anyMatch(p -> p.getFileName().toString().startsWith("result-1.txt_"));
            }
        });
        try (var written = java.nio.file.Files.list(out)) {
            assertThat(written.map(p -> p.getFileName().toString())).as("no temporary file is left")
                    .allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
        }

        // The same export again, as after a crash between the store and the move: known, moved, not delivered twice.
        java.nio.file.Files.write(file, export);
        await().atMost(Duration.ofSeconds(15)).until(() -> !java.nio.file.Files.exists(file));
        JsonNode rows = admin.get("/api/v1/integration/messages?channel=" + code).json().get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.findValuesAsString("status")).containsExactlyInAnyOrder("FILTERED", "SENT");
        Thread.sleep(500);
        assertThat(receiver.accepted("/" + code)).hasSize(1);

        // Malformed: more values than the header names; stored as errored, moved aside.
        java.nio.file.Files.write(in.resolve("broken.txt"), (DEVICE_HEADER + "S-2\t钾\t4.2\tmmol/L\textra\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() -> java.nio.file.Files.exists(done.resolve("error").resolve("broken.txt")));
        JsonNode errored = admin.get("/api/v1/integration/messages?channel=" + code + "&status=ERRORED").json().get("rows");
        assertThat(errored).hasSize(1);
        assertThat(stored(admin, errored.get(0).get("id").asLong()).get("error").asString())
                .contains("line 2 has 5 values, the header names 4");
    }

    @Test
    void aDirectoryIsReadByTheNodeHoldingTheChannelsPollLock() throws Exception {
        Api admin = admin();
        String code = code();
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("medops-files");
        java.nio.file.Path in = java.nio.file.Files.createDirectories(root.resolve("in"));
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // Another node polling the same shared directory: it holds the channel's poll lock for a while.
        var otherNode = java.util.concurrent.CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            assertThat(pollLocks.tryLock(code)).isTrue();
            held.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        held.await(10, java.util.concurrent.TimeUnit.SECONDS);
        admin.put("/api/v1/integration/channels/" + code, fileChannel(in, root.resolve("done"), root.resolve("out"), code));
        java.nio.file.Path file = in.resolve("locked.txt");
        java.nio.file.Files.write(file, (DEVICE_HEADER + "S-7\t钾\t4.0\tmmol/L\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        Thread.sleep(1500);
        assertThat(file).as("left to the node holding the lock").exists();
        assertThat(receiver.accepted("/" + code)).isEmpty();

        release.countDown();
        otherNode.get(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileStillBeingWrittenIsNotTaken() throws Exception {
        Api admin = admin();
        String code = code();
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("medops-files");
        java.nio.file.Path in = java.nio.file.Files.createDirectories(root.resolve("in"));
        admin.put("/api/v1/integration/channels/" + code, fileChannel(in, root.resolve("done"), root.resolve("out"), code));
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        java.nio.file.Path file = in.resolve("slow.txt");
        java.nio.file.Files.write(file, DEVICE_HEADER.getBytes(gbk));
        // The device appends a row every 100 ms, faster than the reader polls (200 ms): never the same size twice.
        for (int row = 0; row < 20; row++) {
            java.nio.file.Files.write(file, ("S-9\tGLU" + row + "\t5." + row + "\tmmol/L\n").getBytes(gbk),
                    java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(100);
            assertThat(file).as("taken while still growing (row %d)", row).exists();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(json(receiver.accepted("/" + code).get(0).body()).get("results")).hasSize(20);
    }

    @Test
    void aChannelWriterHandsMessagesToAChannelReaderAndACycleIsRefused() throws Exception {
        Api admin = admin();
        String front = code();
        String back = code();
        int listen = ForkedMedops.freePort();
        assertThat(admin.put("/api/v1/integration/channels/" + back, """
                {"name": "reader", "source": {"type": "CHANNEL", "dataType": "JSON"},
                 "transformer": {"steps": [{"to": "who", "from": "patient"}, {"to": "via", "constant": "chain"}]}, %s}"""
                .formatted(destination(back))).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/integration/channels/" + front, """
                {"name": "writer", "source": {"type": "HTTP", "port": %d, "path": "/in", "dataType": "XML"},
                 "transformer": {"steps": [{"to": "patient", "from": "order.patient.@id"}, {"to": "test", "from": "order.test"}]},
                 "destinations": [{"name": "next", "type": "CHANNEL", "channel": "%s"}]}""".formatted(listen, back))
                .status()).isEqualTo(201);
        Api.Response cycle = admin.put("/api/v1/integration/channels/" + back, """
                {"name": "reader", "source": {"type": "CHANNEL"},
                 "destinations": [{"name": "loop", "type": "CHANNEL", "channel": "%s"}]}""".formatted(front));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().get("reasons").toString()).contains("integration-channel-cycle");
        awaitListening(listen);

        HttpResponse<String> accepted = post(listen, "/in", "application/xml",
                "<order no=\"1\"><patient id=\"P-5\">王五</patient><test>GLU</test></order>".getBytes(StandardCharsets.UTF_8),
                null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + back).size() == 1);
        assertThat(receiver.accepted("/" + back).get(0).body()).isEqualTo("{\"who\":\"P-5\",\"via\":\"chain\"}");
        JsonNode handed = admin.get("/api/v1/integration/messages?channel=" + back).json().get("rows").get(0);
        assertThat(handed.get("controlId").asString()).isEqualTo("channel:" + front + ":" + json(accepted.body()).get("id").asLong());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(
                stored(admin, json(accepted.body()).get("id").asLong()).get("status").asString()));

        HttpResponse<String> brokenXml = post(listen, "/in", "application/xml", "<order><test></order>".getBytes(), null);
        assertThat(brokenXml.statusCode()).isEqualTo(400);
        assertThat(json(brokenXml.body()).get("detail").asString()).startsWith("not XML");
    }
}
