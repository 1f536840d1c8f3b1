package org.medops.dataaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medops.integration.store.Inbound;
import org.medops.integration.store.MessageStatus;
import org.medops.integration.store.MessageWriter;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 管理权与数据权分离: the content endpoints are found in the OpenAPI document (the operations marked
 * {@code x-medops-data: content}), and the system, security and audit administrators and the read-only role get 403
 * on each, and on the content pages, each refusal in the audit trail; the lists they may read keep identifiers out.
 */
@MedopsTest
class DataRightsIT {

    private static final String PASSWORD = "Data#Rights-2026";
    private static final String ID_CARD = "110101199003071234";

    @LocalServerPort
    int port;

    @Autowired
    MessageWriter writer;

    @Test
    void everyContentEndpointOfTheApiDocumentRefusesEveryAdministratorAndTheRefusalIsAudited() throws Exception {
        List<String> content = contentOperations();
        assertThat(content).as("content operations in the API document").contains(
                "GET /api/v1/traffic/logs/{requestId}", "GET /api/v1/integration/messages/{id}",
                "GET /api/v1/opsdesk/tickets/{id}/attachments/{attachmentId}");

        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String viewer = "ro" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Api> administrators = Map.of("admin", admin, Api.SECURITY_FIXTURE, admin.securityAdmin(),
                Api.AUDIT_FIXTURE, admin.auditAdmin(), viewer, admin.newUser(viewer, "只读用户", PASSWORD, "READ_ONLY"));
        List<String> wrong = new ArrayList<>();
        for (String operation : content) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            for (Map.Entry<String, Api> who : administrators.entrySet()) {
                int status = who.getValue().send(method, path, null, null).status();
                if (status != 403) {
                    wrong.add(who.getKey() + " " + method + " " + path + " → " + status);
                }
            }
            JsonNode denied = admin.auditAdmin().get("/api/v1/audit?action=access.denied&actor=admin&target="
                    + URLEncoder.encode(method + " " + path, StandardCharsets.UTF_8)).json().get("entries");
            if (denied.isEmpty() || !"DENIED".equals(denied.get(0).get("outcome").asString())) {
                wrong.add("no audited denial of admin for " + method + " " + path);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theContentPagesRefuseTheAdministratorWhoStillSeesTheListsMasked() throws Exception {
        String channel = "dr-" + UUID.randomUUID().toString().substring(0, 6);
        long id = writer.submit(new Inbound(channel, Instant.now(), "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01|"
                + "C-1|P|2.5.1\rPID|1||P445566^^^HOSP^MR||韩梅梅^^^^^^L||19900307|F|||||13800138000|||||||" + ID_CARD + "\r",
                "C-1", "ADT^A01", MessageStatus.FILTERED, null, null, List.of(), null)).get(10, TimeUnit.SECONDS).id();
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);

        ConsoleSession console = new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD);
        assertThat(console.get("/integration/messages/" + id).statusCode()).isEqualTo(403);
        assertThat(console.get("/traffic/logs/any-request").statusCode()).isEqualTo(403);
        assertThat(admin.auditAdmin().get("/api/v1/audit?action=access.denied&actor=admin&target="
                + URLEncoder.encode("GET /integration/messages/" + id, StandardCharsets.UTF_8)).json().get("entries"))
                .isNotEmpty();

        // The lists the administrator keeps: the message list has no content; the page list shows no identifier.
        Api.Response list = admin.get("/api/v1/integration/messages?channel=" + channel);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("rows")).hasSize(1);
        assertThat(list.body()).doesNotContain(ID_CARD, "P445566", "韩梅梅", "13800138000");
        String page = console.get("/integration/messages?channel=" + channel).body();
        assertThat(page).contains("C-1").doesNotContain(ID_CARD, "P445566", "韩梅梅");
        assertThat(admin.get("/api/v1/traffic/logs").status()).as("the call list stays the administrator's").isEqualTo(200);

        // The engineer with the data right opens the same message, identifiers masked.
        JsonNode masked = admin.contentReader().get("/api/v1/integration/messages/" + id).json();
        assertThat(masked.get("masked").asBoolean()).isTrue();
        assertThat(masked.get("raw").asString()).doesNotContain(ID_CARD, "P445566");
    }

    /** The document is built on its first request, which on a busy machine takes longer than an API call may. */
    private List<String> contentOperations() throws Exception {
        java.net.http.HttpResponse<String> docs = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .timeout(java.time.Duration.ofMinutes(3)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs.body()).get("paths");
        List<String> found = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                JsonNode extension = item.get(method).get("x-medops-data");
                if (extension != null && "content".equals(extension.asString())) {
                    found.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return found;
    }
}
