package org.medops.integration.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.integration.Receiver;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A blood-gas analyser's GBK result files read by a real file channel and delivered to a real HTTP receiver: the
 * device page finds a message by its sample number, shows the bytes beside the JSON that reached the EMR with the
 * changed value (7.30 → 7.3) marked, masks the patient number without {@code integration:data}, and a broken
 * file's message pre-fills a fault report the ops desk accepts, naming the party the responsibility list names.
 */
@MedopsTest
class DevicesIT {

    static final Receiver receiver = new Receiver();
    static final String HEADER = "样本号\t病历号\t项目\t结果\t单位\n";

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        receiver.down();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    String channel(Api admin, Path in, Path done) {
        String code = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.put("/api/v1/integration/channels/" + code, """
                {"name": "血气分析仪", "source": {"type": "FILE", "directory": "%s", "pattern": "*.txt", "interval": "PT0.2S",
                  "after": "MOVE", "archive": "%s", "charset": "GBK", "dataType": "DELIMITED"},
                 "transformer": {"steps": [{"to": "sample", "from": "rows[0].样本号"}, {"to": "device", "constant": "BGA-01"}],
                   "jsonata": "{'device': $steps.device, 'sample': $steps.sample, 'patient': rows[0].病历号, 'results': [rows.{'code': 项目, 'value': $number(结果), 'unit': 单位}]}"},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s", "retry": {"initial": "PT0.05S", "max": "PT0.2S"}}]}"""
                .formatted(in, done, receiver.url("/" + code))).status()).isEqualTo(201);
        Api.Response marked = admin.put("/api/v1/integration/devices/" + code, """
                {"deviceName": "血气分析仪", "maker": "雷度", "model": "ABL90", "system": "LIS",
                 "searchKeys": [{"name": "sample", "path": "rows[0].样本号"}],
                 "patientPaths": ["rows[0].病历号"],
                 "responsibilities": [{"failure": "DEVICE_DATA", "party": "DEVICE_MAKER", "note": "导出格式由设备厂商维护"},
                   {"failure": "DESTINATION_REFUSED", "party": "VENDOR"}]}""");
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        return code;
    }

    @Test
    void showsTheRawBytesBesideTheDeliveredFieldsFindsBySampleAndMasks() throws Exception {
        Api admin = admin();
        Path root = Files.createTempDirectory("medops-devices");
        Path in = Files.createDirectories(root.resolve("in"));
        String code = channel(admin, in, root.resolve("done"));
        Charset gbk = Charset.forName("GBK");
        Files.write(in.resolve("a.txt"), (HEADER + "BG-71\tP778899\tpH\t7.30\t\nBG-71\tP778899\tK\t4.2\tmmol/L\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 1);
        Files.write(in.resolve("b.txt"), (HEADER + "BG-72\tP112233\tpH\t7.41\t\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 2);

        JsonNode found = admin.get("/api/v1/integration/devices/" + code + "/messages?q=BG-71").json();
        assertThat(found.get("rows")).hasSize(1);
        assertThat(found.get("rows").get(0).get("keys").get("sample").asString()).isEqualTo("BG-71");
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages").json().get("rows")).hasSize(2);
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages?q=BG-7").json().get("rows")).isEmpty();
        long id = found.get("rows").get(0).get("id").asLong();

        // The message is content (数据权): the system administrator is refused; the data right alone reads it masked —
        // the patient number hidden in the text, the bytes and the fields.
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages/" + id + "/ticket").status()).isEqualTo(403);
        Api engineer = admin.contentReader();
        JsonNode masked = engineer.get("/api/v1/integration/devices/" + code + "/messages/" + id).json();
        assertThat(masked.get("masked").asBoolean()).isTrue();
        assertThat(masked.get("bytes").get("charset").asString()).isEqualTo("GBK");
        assertThat(masked.toString()).doesNotContain("P778899").contains("P******");
        JsonNode rows = masked.get("destinations").get(0).get("diff").get("rows");
        JsonNode ph = find(rows, "results[0].value");
        assertThat(ph.get("kind").asString()).isEqualTo("CHANGED");
        assertThat(ph.get("rawValue").asString()).isEqualTo("7.30");
        assertThat(ph.get("rawPath").asString()).isEqualTo("rows[0].结果");
        assertThat(ph.get("processedValue").asString()).isEqualTo("7.3");
        assertThat(find(rows, "results[1].value").get("kind").asString()).isEqualTo("SAME");
        assertThat(find(rows, "device").get("kind").asString()).isEqualTo("ADDED");

        // With integration:data the identifiers are shown, and the hex dump is the GBK encoding (样 = D1 F9).
        String role = "DEVICE_DATA_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Api.Response created = admin.securityAdmin().post("/api/v1/roles", """
                {"code":"%s","name":"设备数据","permissions":["integration:read","integration:data"]}""".formatted(role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String user = "devdata" + UUID.randomUUID().toString().substring(0, 4);
        Api reader = admin.newUser(user, "设备数据", "Device#Data-2026", role);
        JsonNode whole = reader.get("/api/v1/integration/devices/" + code + "/messages/" + id).json();
        assertThat(whole.get("masked").asBoolean()).isFalse();
        assertThat(whole.get("raw").asString()).contains("P778899");
        assertThat(whole.get("bytes").get("lines").get(0).get("hex").asString()).startsWith("D1 F9");

        // No integration:read: 403 on the API; an unknown message 404; bad input 400.
        Api hospital = admin.newUser("devstaff" + UUID.randomUUID().toString().substring(0, 4), "护士", "Device#Staff-2026",
                "HOSPITAL_STAFF");
        assertThat(hospital.get("/api/v1/integration/devices/" + code + "/messages/" + id).status()).isEqualTo(403);
        assertThat(hospital.get("/api/v1/integration/devices").status()).isEqualTo(403);
        assertThat(engineer.get("/api/v1/integration/devices/" + code + "/messages/999999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/integration/devices/" + code, "{\"deviceName\": \"\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/integration/devices/no-such-channel", "{\"deviceName\": \"x\", \"system\": \"LIS\"}")
                .status()).isEqualTo(404);
        assertThat(engineer.get("/api/v1/integration/devices/" + code + "/messages/" + id + "/ticket").status())
                .as("a delivered message needs no ticket").isEqualTo(409);
    }

    @Autowired
    DeviceKeyIndexer indexer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aKeySearchIsAnIndexLookupTheNewestAreFoundBeforeIndexingAndAnUnmaskedReadingIsAudited() throws Exception {
        Api admin = admin();
        Path root = Files.createTempDirectory("medops-device-keys");
        Path in = Files.createDirectories(root.resolve("in"));
        String code = channel(admin, in, root.resolve("done"));
        Charset gbk = Charset.forName("GBK");
        Files.write(in.resolve("a.txt"), (HEADER + "BG-81\tP445566\tpH\t7.35\t\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 1);
        indexer.index();
        assertThat(jdbc.sql("select count(*) from integration_device_keys where channel_code = :c and key_value = 'BG-81'")
                .param("c", code).query(Long.class).single()).isEqualTo(1);
        JsonNode found = admin.get("/api/v1/integration/devices/" + code + "/messages?q=BG-81").json().get("rows");
        assertThat(found).hasSize(1);
        long id = found.get(0).get("id").asLong();
        assertThat(jdbc.sql("select indexed_through from integration_device_interfaces where channel_code = :c")
                .param("c", code).query(Long.class).single()).isGreaterThanOrEqualTo(id);

        // The lookup the search runs is one the key table's index answers (seq scans off: the table is tiny here).
        String plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + DeviceKeyIndex.LOOKUP).param("channel", code)
                    .param("value", "BG-81").param("from", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)))
                    .param("to", java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(60))).param("before", null)
                    .param("limit", 200).query(String.class).list());
        });
        assertThat(plan).contains("integration_device_keys_pkey").doesNotContain("Seq Scan on integration_device_keys");

        // A message the indexer has not read yet is found by its text; once read, by the index, still once.
        Files.write(in.resolve("b.txt"), (HEADER + "BG-82\tP445577\tpH\t7.36\t\n").getBytes(gbk));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted("/" + code).size() == 2);
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages?q=BG-82").json().get("rows")).hasSize(1);
        indexer.index();
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages?q=BG-82").json().get("rows")).hasSize(1);
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages?q=P445577").json().get("rows"))
                .as("only the search keys are indexed, not any text").isEmpty();

        // New search keys: the channel is indexed again with them.
        assertThat(admin.put("/api/v1/integration/devices/" + code, """
                {"deviceName": "血气分析仪", "system": "LIS", "searchKeys": [{"name": "patient", "path": "rows[0].病历号"}],
                 "patientPaths": []}""").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from integration_device_keys where channel_code = :c").param("c", code)
                .query(Long.class).single()).isZero();
        indexer.index();
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages?q=P445577").json().get("rows")).hasSize(1);

        // Reading a message unmasked (integration:data) leaves a trace; reading it masked does not.
        String action = "integration.device.message.read";
        java.util.function.Supplier<Long> traces = () -> jdbc.sql(
                "select count(*) from audit_records where action = :a and target_id = :c").param("a", action)
                .param("c", code).query(Long.class).single();
        assertThat(admin.contentReader().get("/api/v1/integration/devices/" + code + "/messages/" + id).status())
                .isEqualTo(200);
        assertThat(traces.get()).isZero();
        String role = "DEVICE_KEYS_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        assertThat(admin.securityAdmin().post("/api/v1/roles", """
                {"code":"%s","name":"设备数据","permissions":["integration:read","integration:data"]}""".formatted(role))
                .status()).isEqualTo(201);
        Api reader = admin.newUser("devkeys" + UUID.randomUUID().toString().substring(0, 4), "设备数据", "Device#Data-2026", role);
        assertThat(reader.get("/api/v1/integration/devices/" + code + "/messages/" + id).json().get("masked").asBoolean())
                .isFalse();
        assertThat(traces.get()).isEqualTo(1);
        assertThat(jdbc.sql("select actor || ' ' || details from audit_records where action = :a and target_id = :c")
                .param("a", action).param("c", code).query(String.class).single())
                .startsWith("devkeys").contains("message=" + id);
    }

    @Test
    void aFailedMessagePreFillsAFaultReportTheOpsDeskTakes() throws Exception {
        Api admin = admin();
        Path root = Files.createTempDirectory("medops-devices");
        Path in = Files.createDirectories(root.resolve("in"));
        String code = channel(admin, in, root.resolve("done"));
        Files.write(in.resolve("broken.txt"), (HEADER + "BG-90\tP445566\tpH\t7.3\t\textra\n").getBytes(Charset.forName("GBK")));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                admin.get("/api/v1/integration/devices/" + code + "/messages").json().get("rows").size() == 1);
        long id = admin.get("/api/v1/integration/devices/" + code + "/messages").json().get("rows").get(0).get("id").asLong();

        // The draft quotes the message: content, so the engineer with the data right asks for it, not the administrator.
        Api engineer = admin.contentReader();
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages/" + id + "/ticket").status()).isEqualTo(403);
        JsonNode draft = engineer.get("/api/v1/integration/devices/" + code + "/messages/" + id + "/ticket").json();
        assertThat(draft.get("failure").asString()).isEqualTo("DEVICE_DATA");
        assertThat(draft.get("responsible").asString()).isEqualTo("DEVICE_MAKER");
        assertThat(draft.get("messageId").asLong()).isEqualTo(id);
        JsonNode report = draft.get("report");
        assertThat(report.get("systems").get(0).asString()).isEqualTo("LIS");
        assertThat(report.get("phenomenon").asString()).contains(String.valueOf(id), "设备厂商", "导出格式由设备厂商维护",
                "line 2 has 6 values").doesNotContain("P445566");
        assertThat(report.get("title").asString()).contains("血气分析仪", code);

        Api.Response ticket = engineer.post("/api/v1/opsdesk/tickets", report.toString());
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        assertThat(ticket.json().toString()).contains("设备厂商", String.valueOf(id));
    }

    static JsonNode find(JsonNode rows, String processedPath) {
        for (JsonNode row : rows) {
            if (processedPath.equals(row.path("processedPath").asString(null))) {
                return row;
            }
        }
        throw new AssertionError(processedPath + " not in " + rows);
    }
}
