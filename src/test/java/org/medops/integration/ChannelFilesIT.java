package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Channel documents in YAML as well as JSON, and channels as files: export one or all, import all or nothing. */
@MedopsTest
class ChannelFilesIT {

    @LocalServerPort
    int port;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String code() {
        return "f-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String yaml(String code, int mllpPort) {
        return """
                # 检验结果 → EMR, kept in git
                code: %s
                name: LIS 检验结果 → EMR
                source: {type: MLLP, port: %d}
                transformer:
                  steps:
                    - {to: patient.id, from: PID-3.1}
                destinations:
                  - name: emr
                    type: HTTP
                    url: http://127.0.0.1:9/emr
                """.formatted(code, mllpPort);
    }

    static String json(String code, int mllpPort, String name) {
        return """
                {"code": "%s", "name": "%s", "source": {"type": "MLLP", "port": %d},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:9/emr"}]}"""
                .formatted(code, name, mllpPort);
    }

    @Test
    void aYamlDocumentIsStoredAndReturnedAsWrittenAndTyposAreRefused() {
        Api admin = admin();
        String code = code();
        String document = yaml(code, freePort());
        var saved = admin.send("PUT", "/api/v1/integration/channels/" + code, document, "application/yaml");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        var read = admin.get("/api/v1/integration/channels/" + code);
        assertThat(read.contentType()).startsWith("application/yaml");
        assertThat(read.body()).as("the comment and the layout survive").isEqualTo(document);
        assertThat(admin.get("/api/v1/integration/channels").json())
                .anySatisfy(c -> assertThat(c.get("code").asString()).isEqualTo(code));

        var typo = admin.send("PUT", "/api/v1/integration/channels/" + code, document.replace("steps:", "stpes:"),
                "application/yaml");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("code").asString()).isEqualTo("integration-channel-json");
        assertThat(typo.json().get("detail").asString()).contains("stpes");
        assertThat(admin.get("/api/v1/integration/channels/" + code + "/versions").json()).hasSize(1);
    }

    @Test
    void exportsEveryChannelAsItsFileAndImportsOnlyWhatChanged() throws IOException {
        Api admin = admin();
        String kept = code(), changed = code(), added = code();
        int keptPort = freePort(), changedPort = freePort();
        String keptText = yaml(kept, keptPort);
        assertThat(admin.send("PUT", "/api/v1/integration/channels/" + kept, keptText, "application/yaml").status())
                .isEqualTo(201);
        assertThat(admin.put("/api/v1/integration/channels/" + changed, json(changed, changedPort, "旧名称")).status())
                .isEqualTo(201);

        Map<String, String> exported = unzip(admin.download("/api/v1/integration/channel-files").body());
        assertThat(exported).containsEntry(kept + ".yaml", keptText)
                .containsEntry(changed + ".json", json(changed, changedPort, "旧名称"));
        var one = admin.download("/api/v1/integration/channel-files/" + kept);
        assertThat(one.header("Content-Disposition")).contains(kept + ".yaml");
        assertThat(new String(one.body(), StandardCharsets.UTF_8)).isEqualTo(keptText);

        Map<String, String> files = new LinkedHashMap<>();
        files.put(kept + ".yaml", keptText);
        files.put("channels/" + changed + ".json", json(changed, changedPort, "新名称"));
        files.put(added + ".json", json(added, freePort(), "新通道").replace("\"code\": \"" + added + "\", ", ""));
        var imported = admin.upload("/api/v1/integration/channel-files", "channels.zip", zip(files));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(results(imported.json())).containsEntry(kept, "UNCHANGED 1").containsEntry(changed, "UPDATED 2")
                .as("the code comes from the file name when the document leaves it out").containsEntry(added, "CREATED 1");
        assertThat(admin.get("/api/v1/integration/channels/" + changed).body()).contains("新名称");
        assertThat(admin.auditAdmin().get("/api/v1/audit?action=integration.channel.export").json().get("entries"))
                .anySatisfy(e -> assertThat(e.get("targetId").asString()).isEqualTo(kept));
    }

    @Test
    void anInvalidFileImportsNothingAndSaysWhichFileAndWhy() throws IOException {
        Api admin = admin();
        String first = code(), second = code(), taken = code();
        int takenPort = freePort();
        assertThat(admin.put("/api/v1/integration/channels/" + taken, json(taken, takenPort, "占用端口")).status())
                .isEqualTo(201);

        Map<String, String> broken = new LinkedHashMap<>();
        broken.put(first + ".json", json(first, freePort(), "好的"));
        broken.put(second + ".yaml", "code: " + second + "\nname: 坏的\nsource: {type: MLLP, port: 0}\ndestinations: []\n");
        var refused = admin.upload("/api/v1/integration/channel-files", "channels.zip", zip(broken));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("integration-channel-import-invalid");
        assertThat(refused.json().get("detail").asString()).contains(second + ".yaml");
        assertThat(admin.get("/api/v1/integration/channels/" + first).status()).as("all or nothing").isEqualTo(404);

        var port = admin.upload("/api/v1/integration/channel-files", first + ".json",
                json(first, takenPort, "同一端口").getBytes(StandardCharsets.UTF_8));
        assertThat(port.status()).isEqualTo(400);
        assertThat(port.json().get("code").asString()).isEqualTo("integration-channel-import-port");
        assertThat(port.json().get("detail").asString()).contains(first + ".json").contains(taken);

        var unreadable = admin.upload("/api/v1/integration/channel-files", first + ".json",
                "{\"code\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(unreadable.json().get("code").asString()).isEqualTo("integration-channel-import-unreadable");
        assertThat(admin.upload("/api/v1/integration/channel-files", "notes.txt", "x".getBytes(StandardCharsets.UTF_8))
                .json().get("code").asString()).isEqualTo("integration-channel-import-name");
        assertThat(admin.upload("/api/v1/integration/channel-files", "x.zip", "not a zip".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/integration/channels/" + first).status()).isEqualTo(404);
    }

    @Test
    void readersExportButOnlyChannelEditorsImport() throws Exception {
        Api admin = admin();
        Api engineer = admin.newUser("f-eng-" + UUID.randomUUID().toString().substring(0, 6), "工程师",
                "Engineer#Files-2026", "OPS_ENGINEER");
        assertThat(engineer.download("/api/v1/integration/channel-files").status()).isEqualTo(200);
        String code = code();
        var refused = engineer.upload("/api/v1/integration/channel-files", code + ".json",
                json(code, freePort(), "x").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/integration/channels/" + code).status()).isEqualTo(404);

        ConsoleSession console = new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD);
        var page = console.get("/integration/channels");
        assertThat(page.body()).contains("id=\"integration-import\"").contains("/integration/channel-files");
        assertThat(console.get("/integration/channel-files").headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/zip");
    }

    static Map<String, String> results(JsonNode imported) {
        Map<String, String> results = new LinkedHashMap<>();
        imported.forEach(i -> results.put(i.get("code").asString(), i.get("result").asString() + " " + i.get("version").asInt()));
        return results;
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, String> unzip(byte[] content) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
