package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Scripts end to end: JavaScript steps calling a shared library, per-destination filters and transformers
 * (receivers get their own bodies, a filtered destination is never queued), a runaway script erroring only its
 * message, library versions reaching running channels, and the test-transformer API storing nothing.
 */
@MedopsTest
class ScriptingIT {

    static final Receiver receiver = new Receiver();

    @LocalServerPort
    int port;

    @AfterAll
    static void stopReceiver() {
        receiver.down();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String destination(String name, String path, String stage) {
        return """
                {"name": "%s", "type": "HTTP", "url": "%s", "retry": {"initial": "PT0.05S", "max": "PT0.2S"}%s}"""
                .formatted(name, receiver.url(path), stage);
    }

    Api.Response putLibrary(Api api, String code, String source) {
        return api.send("PUT", "/api/v1/integration/libraries/" + code, source, "text/javascript");
    }

    JsonNode message(Api api, String channel, String controlId) {
        JsonNode rows = api.get("/api/v1/integration/messages?channel=" + channel + "&controlId=" + controlId).json()
                .get("rows");
        assertThat(rows).hasSize(1);
        return api.contentReader().get("/api/v1/integration/messages/" + rows.get(0).get("id").asLong()).json();
    }

    static JsonNode delivery(JsonNode message, String name) {
        for (JsonNode d : message.get("destinations")) {
            if (d.get("name").asString().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no delivery " + name + " in " + message);
    }

    @Test
    void eachDestinationGetsWhatItsOwnStageMakesAndAFilteredOneIsNeverQueued() throws Exception {
        Api admin = admin();
        String lib = code("lib");
        assertThat(putLibrary(admin, lib, "function fullName(m) { var n = m.PID[0]['PID-5']; return n['PID-5.1'] + (n['PID-5.2'] || ''); }")
                .status()).isEqualTo(201);
        String code = code("js");
        int mllp = ForkedMedops.freePort();
        String document = """
                {"name": "脚本通道", "source": {"type": "MLLP", "port": %d}, "libraries": ["%s"],
                 "transformer": {"steps": [
                   {"to": "patient.id", "from": "PID-3.1"},
                   {"to": "patient.name", "javascript": "return fullName(msg)"}]},
                 "destinations": [%s, %s, %s]}""".formatted(mllp, lib,
                destination("emr", "/" + code + "/emr", ""),
                destination("icu", "/" + code + "/icu", """
                        , "filterJavascript": "return msg.PV1[0]['PV1-3']['PV1-3.1'] === 'ICU'",
                          "transformer": {"javascript": "return {bed: msg.PV1[0]['PV1-3']['PV1-3.3'], who: output.patient.name}"}"""),
                destination("lab", "/" + code + "/lab", """
                        , "filter": "MSH.`MSH-9`.`MSH-9.1` = 'ORU'\""""));
        assertThat(admin.put("/api/v1/integration/channels/" + code, document).status()).isEqualTo(201);

        try (MllpClient his = MllpClient.await(mllp)) {
            assertThat(his.send(IntegrationEngineIT.adt("S-1", "P100", "韩梅梅"))).contains("MSA|AA|S-1");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code + "/emr").size() == 1
                && receiver.accepted("/" + code + "/icu").size() == 1);
        assertThat(receiver.accepted("/" + code + "/emr").get(0).body())
                .isEqualTo("{\"patient\":{\"id\":\"P100\",\"name\":\"韩梅梅\"}}");
        assertThat(receiver.accepted("/" + code + "/icu").get(0).body()).isEqualTo("{\"bed\":\"02\",\"who\":\"韩梅梅\"}");
        assertThat(receiver.accepted("/" + code + "/icu").get(0).contentType()).startsWith("application/json");

        await().atMost(Duration.ofSeconds(5)).until(() -> delivery(message(admin, code, "S-1"), "icu").get("status")
                .asString().equals("SENT"));
        JsonNode stored = message(admin, code, "S-1");
        assertThat(delivery(stored, "emr").get("status").asString()).isEqualTo("SENT");
        assertThat(delivery(stored, "lab").get("status").asString()).isEqualTo("FILTERED");
        assertThat(delivery(stored, "lab").get("attempts").asInt()).isZero();
        assertThat(delivery(stored, "icu").get("transformed").asString()).contains("\"bed\":\"02\"");
        assertThat(delivery(stored, "emr").path("transformed").isMissingNode()).as("sent the channel's output").isTrue();
        assertThat(admin.get("/api/v1/integration/channels/" + code + "/destinations").body())
                .contains("\"name\":\"lab\"", "\"queued\":0");
        assertThat(receiver.all("/" + code + "/lab")).isEmpty();

        // A new library version reaches the running channel within a second: no channel save needed.
        assertThat(putLibrary(admin, lib, "function fullName(m) { return 'v2:' + m.PID[0]['PID-5']['PID-5.1']; }")
                .json().get("version").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/integration/libraries/" + lib).body()).startsWith("function fullName(m) { return 'v2:");
        // A message sent in the half second before the next look at the table still gets v1: send again until v2.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String controlId = "S-" + UUID.randomUUID().toString().substring(0, 6);
            try (MllpClient his = MllpClient.await(mllp)) {
                his.send(IntegrationEngineIT.adt(controlId, "P101", "李雷"));
            }
            // A plain wait, not a nested await: untilAsserted retries assertion errors only, not an inner timeout.
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            boolean seen = false;
            while (!seen && System.nanoTime() < until) {
                Thread.sleep(100);
                seen = receiver.accepted("/" + code + "/emr").stream()
                        .anyMatch(r -> r.body().contains("P101") && r.body().contains("v2:李雷"));
            }
            assertThat(seen).as("delivered with the library's new version").isTrue();
        });
    }

    @Test
    void aRunawayScriptErrorsItsMessageWithAReasonAndTheChannelGoesOn() throws Exception {
        Api admin = admin();
        String code = code("loop");
        int mllp = ForkedMedops.freePort();
        String document = """
                {"name": "失控脚本", "source": {"type": "MLLP", "port": %d},
                 "transformer": {"steps": [{"to": "x", "javascript": "if (msg.PID[0]['PID-8'] === 'F') { while (true) {} } return 1"}]},
                 "destinations": [%s]}""".formatted(mllp, destination("emr", "/" + code, ""));
        assertThat(admin.put("/api/v1/integration/channels/" + code, document).status()).isEqualTo(201);
        try (MllpClient his = MllpClient.await(mllp)) {
            String ack = his.send(IntegrationEngineIT.adt("R-1", "P1", "张三"));
            assertThat(ack).contains("MSA|AE|R-1").contains("CPU time");
            assertThat(his.send(IntegrationEngineIT.adt("R-2", "P2", "李四").replace("|F|||", "|M|||"))).contains("MSA|AA|R-2");
        }
        assertThat(message(admin, code, "R-1").get("error").asString())
                .isEqualTo("transformer failed: step 1 (x) failed: script stopped: CPU time over 1000 ms");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + code).size() == 1);
        assertThat(receiver.accepted("/" + code).get(0).body()).isEqualTo("{\"x\":1}");
    }

    @Test
    void librariesAreVersionedAndABrokenOneIsRefusedWithItsLine() throws Exception {
        Api admin = admin();
        String lib = code("lib");
        Api.Response broken = putLibrary(admin, lib, "function ok() { return 1; }\nfunction broken( {\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asString()).isEqualTo("integration-library-syntax");
        assertThat(broken.json().get("detail").asString()).contains("第 2 行");
        assertThat(admin.get("/api/v1/integration/libraries/" + lib).status()).isEqualTo(404);

        assertThat(putLibrary(admin, lib, "var A = 1;").status()).isEqualTo(201);
        assertThat(putLibrary(admin, lib, "var A = 2;").status()).isEqualTo(200);
        Api.Response current = admin.get("/api/v1/integration/libraries/" + lib);
        assertThat(current.body()).isEqualTo("var A = 2;");
        assertThat(admin.get("/api/v1/integration/libraries/" + lib + "/versions").json()).hasSize(2);
        assertThat(admin.get("/api/v1/integration/libraries/" + lib + "/versions/1").body()).isEqualTo("var A = 1;");
        Api auditor = admin.auditAdmin();
        await().atMost(Duration.ofSeconds(10)).until(() -> auditor.get("/api/v1/audit?action=integration.library.save&target="
                + lib).json().get("entries").size() == 2);

        Api.Response unknown = admin.put("/api/v1/integration/channels/" + code("bad"), """
                {"name": "x", "source": {"type": "MLLP", "port": %d}, "libraries": ["nope-nope"],
                 "transformer": {"steps": [{"to": "a", "javascript": "return ("}]},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:1/", "filterJavascript": "}"}]}"""
                .formatted(ForkedMedops.freePort()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("reasons").toString()).contains("integration-channel-library",
                "integration-step-javascript", "integration-filter-javascript");
    }

    @Test
    void theTestApiShowsEveryStageAndStoresNothing() throws Exception {
        Api admin = admin();
        String document = """
                {"name": "测试", "source": {"type": "MLLP", "port": 1},
                 "filter": "MSH.`MSH-9`.`MSH-9.1` = 'ADT'",
                 "transformer": {"steps": [
                   {"to": "patient.id", "from": "PID-3.1"},
                   {"to": "patient.sex", "from": "PID-8", "table": {"F": "女"}},
                   {"to": "patient.upper", "javascript": "return steps.patient.id.toLowerCase()"},
                   {"to": "broken", "javascript": "return nothing.here"}]},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:1/",
                   "filterJavascript": "return false"}]}""";
        String sample = IntegrationEngineIT.adt("T-1", "P9", "王五").replace('\r', '\n');
        Api.Response tested = admin.post("/api/v1/integration/channels/test",
                "{\"document\": " + document + ", \"message\": " + tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(sample) + "}");
        assertThat(tested.status()).isEqualTo(200);
        JsonNode trial = tested.json();
        assertThat(trial.get("message").get("PID").get(0).get("PID-5").get("PID-5.1").asString()).isEqualTo("王五");
        assertThat(trial.get("channel").get("filter").asBoolean()).isTrue();
        JsonNode steps = trial.get("channel").get("steps");
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).get("step").asInt()).isEqualTo(1);
        assertThat(steps.get(0).get("value").asString()).isEqualTo("P9");
        assertThat(steps.get(1).get("value").asString()).isEqualTo("女");
        assertThat(steps.get(2).get("value").asString()).isEqualTo("p9");
        assertThat(steps.get(3).get("error").asString()).startsWith("step 4 (broken) failed:").contains("nothing");
        assertThat(trial.get("outcome").asString()).isEqualTo("FAILED");

        Api.Response fixed = admin.post("/api/v1/integration/channels/test", "{\"document\": "
                + document.replace(",\n   {\"to\": \"broken\", \"javascript\": \"return nothing.here\"}", "")
                + ", \"message\": " + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(sample) + "}");
        assertThat(fixed.json().get("channel").get("output").toString()).isEqualTo("{\"patient\":{\"id\":\"P9\",\"sex\":\"女\",\"upper\":\"p9\"}}");
        assertThat(fixed.json().get("destinations").get(0).get("filter").asBoolean()).isFalse();
        assertThat(fixed.json().get("outcome").asString()).isEqualTo("FILTERED");

        assertThat(admin.post("/api/v1/integration/channels/test", "{\"document\": " + document + ", \"message\": \"hello\"}")
                .json().get("code").asString()).isEqualTo("integration-test-not-hl7");
        assertThat(admin.post("/api/v1/integration/channels/test", "{\"code\": \"no-such-channel\", \"message\": \"MSH|^~\\\\&|A\"}")
                .status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/integration/channels/test", "{\"document\": {\"name\": \"x\"}, \"message\": \"MSH|^~\\\\&|A\"}")
                .json().get("code").asString()).isEqualTo("integration-channel-invalid");
        assertThat(admin.get("/api/v1/integration/messages?controlId=T-1").json().get("rows")).isEmpty();
        assertThat(new Api(port).post("/api/v1/integration/channels/test", "{}").status()).isEqualTo(401);
    }
}
