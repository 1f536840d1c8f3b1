package org.medops.integration.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.medops.testing.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call the interop port, over real HTTP: no credentials, an unknown or wrong one are SOAP faults (401, a
 * stable code, audited); a WS-Security UsernameToken with a PasswordDigest (once per nonce, fresh), a PasswordText
 * and HTTP Basic are accepted until the credential is revoked; the FHIR facade's create, read and search by
 * identifier with HTTP Basic; the route list paged, filtered and exported.
 */
@MedopsTest
class InteropCallersIT {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    InteropServer server;

    @Autowired
    InteropCatalogue catalogue;

    String password;
    String fhirChannel;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    @BeforeEach
    void credentialAndRoutes() {
        Api admin = admin();
        var issued = admin.post("/api/v1/integration/interop/credentials/LIS", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("username").asString()).isEqualTo("LIS");
        password = issued.json().get("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String xml = InteropIT.channel(admin, "ia-" + suffix, "XML");
        fhirChannel = InteropIT.channel(admin, "iaf-" + suffix, "FHIR");
        InteropIT.route(admin, "PRPA_IN201311UV02", xml);
        InteropIT.route(admin, "Patient", fhirChannel);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String registration() {
        return InteropSamples.fresh(catalogue.sample("PRPA_IN201311UV02").orElseThrow());
    }

    /** A SOAP 1.1 HIPMessageServer call with a WS-Security header (null: none). */
    static String soap(String security, String action, String message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
                    xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
                %s<soap:Body><HIPMessageServer xmlns="urn:hl7-org:v3"><action>%s</action><message><![CDATA[%s]]></message></HIPMessageServer>
                </soap:Body></soap:Envelope>""".formatted(security == null ? "" : "<soap:Header><wsse:Security>" + security
                + "</wsse:Security></soap:Header>", action, message);
    }

    static String digestToken(String username, String password, byte[] nonce, String created) {
        return """
                <wsse:UsernameToken><wsse:Username>%s</wsse:Username>
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">%s</wsse:Password>
                <wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">%s</wsse:Nonce>
                <wsu:Created>%s</wsu:Created></wsse:UsernameToken>""".formatted(username,
                SystemCredentials.digest(nonce, created, password), Base64.getEncoder().encodeToString(nonce), created);
    }

    static byte[] nonce() {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        return nonce;
    }

    static String faultCode(HttpResponse<String> response) {
        String body = response.body();
        int start = body.indexOf("<medops:code");
        return start < 0 ? "" : body.substring(body.indexOf('>', start) + 1, body.indexOf("</medops:code>"));
    }

    @Test
    void callersWithoutARightCredentialGetAFaultWithAStableCodeAndAreAudited() throws Exception {
        HttpResponse<String> none = send("POST", "/", "text/xml", soap(null, "PRPA_IN201311UV02", registration()), null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(none.body()).contains("<soap:Fault>", "soap:Client");
        assertThat(faultCode(none)).isEqualTo("interop-auth-missing");

        HttpResponse<String> wrong = send("POST", "/", "text/xml", soap(null, "PRPA_IN201311UV02", registration()),
                InteropIT.basic("LIS", password + "x"));
        assertThat(faultCode(wrong)).isEqualTo("interop-auth-wrong");
        String stranger = "NOBODY" + UUID.randomUUID().toString().substring(0, 4);
        HttpResponse<String> unknown = send("POST", "/", "text/xml", soap(null, "PRPA_IN201311UV02", registration()),
                InteropIT.basic(stranger, password));
        assertThat(faultCode(unknown)).isEqualTo("interop-auth-unknown");
        HttpResponse<String> wrongDigest = send("POST", "/", "application/soap+xml",
                soap(digestToken("LIS", "not-it", nonce(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()),
                        "PRPA_IN201311UV02", registration()).replace("http://schemas.xmlsoap.org/soap/envelope/",
                        "http://www.w3.org/2003/05/soap-envelope"), null);
        assertThat(wrongDigest.statusCode()).isEqualTo(401);
        assertThat(wrongDigest.body()).contains("soap:Sender", "<soap:Detail>");
        assertThat(faultCode(wrongDigest)).isEqualTo("interop-auth-wrong");

        String trail = admin().auditAdmin().get("/api/v1/audit?action=integration.interop.auth.refused&limit=50").body();
        assertThat(trail).contains(stranger, "interop-auth-unknown", "interop-auth-wrong", "DENIED")
                .doesNotContain(password);
        assertThat(admin().get("/api/v1/integration/interop/credentials").body()).contains("\"LIS\"")
                .doesNotContain(password);
    }

    @Test
    void aUsernameTokenDigestOnceATextTokenAndBasicAreAcceptedUntilRevoked() throws Exception {
        byte[] nonce = nonce();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String token = digestToken("LIS", password, nonce, created);
        HttpResponse<String> digest = send("POST", "/", "text/xml", soap(token, "PRPA_IN201311UV02", registration()), null);
        assertThat(digest.statusCode()).as(digest.body()).isEqualTo(200);
        assertThat(digest.body()).contains("typeCode=&quot;AA&quot;");

        HttpResponse<String> replayed = send("POST", "/", "text/xml", soap(token, "PRPA_IN201311UV02", registration()), null);
        assertThat(faultCode(replayed)).as("a nonce is taken once").isEqualTo("interop-auth-stale");
        String old = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> stale = send("POST", "/", "text/xml",
                soap(digestToken("LIS", password, nonce(), old), "PRPA_IN201311UV02", registration()), null);
        assertThat(faultCode(stale)).isEqualTo("interop-auth-stale");

        String text = """
                <wsse:UsernameToken><wsse:Username>LIS</wsse:Username>
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>
                </wsse:UsernameToken>""".formatted(password);
        assertThat(send("POST", "/", "text/xml", soap(text, "PRPA_IN201311UV02", registration()), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> basic = send("POST", "/", "text/xml", soap(null, "PRPA_IN201311UV02", registration()),
                InteropIT.basic("LIS", password));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(admin().get("/api/v1/integration/interop/credentials").json())
                .anySatisfy(c -> {
                    assertThat(c.get("system").asString()).isEqualTo("LIS");
                    assertThat(c.get("lastUsedAt").isNull()).as("the use is recorded").isFalse();
                });

        assertThat(admin().delete("/api/v1/integration/interop/credentials/LIS").status()).isEqualTo(204);
        HttpResponse<String> revoked = send("POST", "/", "text/xml", soap(null, "PRPA_IN201311UV02", registration()),
                InteropIT.basic("LIS", password));
        assertThat(faultCode(revoked)).isEqualTo("interop-auth-unknown");
        Problems.problem(admin().delete("/api/v1/integration/interop/credentials/LIS"), 404, "not-found");
        Problems.problem(admin().post("/api/v1/integration/interop/credentials/NOPE", "{}"), 400, "unknown-system");
        Api readOnly = admin().newUser("icr-" + UUID.randomUUID().toString().substring(0, 6), "只读", "Read#Only-2026",
                "READ_ONLY");
        assertThat(readOnly.post("/api/v1/integration/interop/credentials/LIS", "{}").status()).isEqualTo(403);
        assertThat(admin().auditAdmin().get("/api/v1/audit?action=integration.interop.credential.revoke&limit=20").body())
                .contains("LIS");
    }

    @Test
    void theFhirFacadeCreatesReadsAndSearchesByIdentifierForAnIdentifiedCaller() throws Exception {
        String auth = InteropIT.basic("LIS", password);
        String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
        String patient = """
                {"resourceType": "Patient", "identifier": [{"system": "urn:oid:2.16.156.10011.1.3", "value": "%s"}],
                 "name": [{"text": "李娜"}], "gender": "female", "birthDate": "1990-03-04"}""".formatted(mrn);
        HttpResponse<String> anonymous = send("POST", "/fhir/Patient", "application/fhir+json", patient, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("OperationOutcome", "interop-auth-missing");

        HttpResponse<String> created = send("POST", "/fhir/Patient", "application/fhir+json", patient, auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.headers().firstValue("X-MedOps-Message-Id").orElseThrow();

        HttpResponse<String> read = send("GET", "/fhir/Patient/" + id, null, null, auth);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode resource = JSON.readTree(read.body());
        assertThat(resource.get("id").asString()).isEqualTo(id);
        assertThat(resource.get("name").get(0).get("text").asString()).isEqualTo("李娜");
        assertThat(send("GET", "/fhir/Patient/" + id + "/_history/1", null, null, auth).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/fhir/Patient/" + id, null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/fhir/Patient/999999999", null, null, auth).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/fhir/Observation/" + id, null, null, auth).statusCode())
                .as("it was not created as an Observation").isEqualTo(404);

        JsonNode bundle = JSON.readTree(send("GET", "/fhir/Patient?identifier=" + mrn, null, null, auth).body());
        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asString()).isEqualTo("searchset");
        assertThat(bundle.get("total").asInt()).isEqualTo(1);
        assertThat(bundle.get("entry").get(0).get("resource").get("id").asString()).isEqualTo(id);
        assertThat(JSON.readTree(send("GET", "/fhir/Patient?identifier=urn:oid:2.16.156.10011.1.3%7C" + mrn, null, null,
                auth).body()).get("total").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(send("GET", "/fhir/Patient?identifier=urn:other%7C" + mrn, null, null, auth).body())
                .get("total").asInt()).isZero();
        HttpResponse<String> byName = send("GET", "/fhir/Patient?name=" + "li", null, null, auth);
        assertThat(byName.statusCode()).isEqualTo(400);
        assertThat(byName.body()).contains("only identifier");
        assertThat(send("GET", "/fhir/Medication?identifier=x", null, null, auth).statusCode()).isEqualTo(404);
    }

    @Test
    void theRouteListIsPagedFilteredAndExported() throws Exception {
        Api admin = admin();
        var first = admin.get("/api/v1/integration/interop/routes?size=1&sort=route");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("rows")).hasSize(1);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        var second = admin.get("/api/v1/integration/interop/routes?size=1&page=1&sort=route").json();
        assertThat(second.get("rows").get(0).get("route").asString())
                .isNotEqualTo(first.json().get("rows").get(0).get("route").asString());
        var fhirOnly = admin.get("/api/v1/integration/interop/routes?kind=FHIR&size=200").json().get("rows");
        assertThat(fhirOnly).isNotEmpty().allSatisfy(r -> assertThat(r.get("kind").asString()).isEqualTo("FHIR"));
        var found = admin.get("/api/v1/integration/interop/routes?q=" + fhirChannel).json().get("rows");
        assertThat(found).singleElement().satisfies(r -> assertThat(r.get("route").asString()).isEqualTo("Patient"));
        Problems.problem(admin.get("/api/v1/integration/interop/routes?kind=SOAP"), 400, "integration-interop-kind");

        var csv = admin.download("/api/v1/integration/interop/routes/export?format=csv&kind=FHIR");
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = Exports.csv(csv.body());
        assertThat(rows.get(0)).contains("交互服务 / 资源类型", "类型", "通道", "说明");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Patient", "FHIR", fhirChannel));
        var page = admin.download("/api/v1/integration/interop/routes/export?format=xlsx&q=" + fhirChannel);
        assertThat(page.status()).isEqualTo(200);
        assertThat(Exports.xlsxText(page.body())).contains("Patient", fhirChannel);
    }

    @Test
    void aSystemCallsARegisteredServiceOnTheInteropPortWithItsOwnCredential() throws Exception {
        com.sun.net.httpserver.HttpServer partner = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        List<String> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
        partner.createContext("/patient", exchange -> {
            exchange.getRequestBody().readAllBytes();
            callers.add(exchange.getRequestHeaders().getFirst("X-MedOps-Caller"));
            byte[] answer = "{\"科室\": \"心内科\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        partner.start();
        try {
            Api admin = admin();
            String service = "pq-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(admin.post("/api/v1/integration/services", """
                    {"code":"%s","name":"患者信息查询","system":"HIS","kind":"SERVICE","endpoint":"http://127.0.0.1:%d/patient"}"""
                    .formatted(service, partner.getAddress().getPort())).status()).isEqualTo(201);
            String id = admin.post("/api/v1/integration/subscriptions", "{\"service\":\"%s\",\"system\":\"LIS\"}"
                    .formatted(service)).json().get("id").asString();
            admin.post("/api/v1/integration/subscriptions/" + id + "/approve", "{}");

            HttpResponse<String> anonymous = send("POST", "/services/" + service, "application/json", "{}", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("interop-auth-missing");
            HttpResponse<String> answered = send("POST", "/services/" + service, "application/json",
                    "{\"patientId\": \"P1\"}", InteropIT.basic("LIS", password));
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(answered.body()).contains("心内科");
            assertThat(answered.headers().firstValue("X-MedOps-Call-Id")).isPresent();
            assertThat(callers).containsExactly("LIS");

            String pacs = admin.post("/api/v1/integration/interop/credentials/PACS", "{}").json().get("password").asString();
            HttpResponse<String> notSubscribed = send("POST", "/services/" + service, "application/json", "{}",
                    InteropIT.basic("PACS", pacs));
            assertThat(notSubscribed.statusCode()).isEqualTo(403);
            assertThat(notSubscribed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(notSubscribed.body()).contains("integration-service-not-subscribed");
            assertThat(callers).hasSize(1);
        } finally {
            partner.stop(0);
        }
    }
}
