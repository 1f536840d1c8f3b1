package org.medops.integration.interop;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.integration.Receiver;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The national interfaces over real HTTP: SOAP 1.1 and 1.2 HIPMessageServer calls for two actions routed to two
 * channels (MCCI AA acknowledging the message id, stored on the right channel), AE for an unknown action, AR for
 * schema-invalid and malformed XML, a SOAP fault for a broken envelope, the patient query answered with the latest
 * registration, the WSDL, the FHIR facade routing a Patient and an Observation, and the route API's permissions
 * and bad input.
 */
@MedopsTest
class InteropIT {

    static final Receiver receiver = new Receiver();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    InteropServer server;

    @Autowired
    InteropCatalogue catalogue;

    String patients;
    String encounters;
    String fhir;

    @AfterAll
    static void stopReceiver() {
        receiver.down();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    /** HTTP Basic of the calling system's credential, issued afresh for each test. */
    String his;

    @BeforeEach
    void routes() {
        Api admin = admin();
        var issued = admin.post("/api/v1/integration/interop/credentials/HIS", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        his = basic("HIS", issued.json().get("password").asString());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        patients = channel(admin, "ip-" + suffix, "XML");
        encounters = channel(admin, "ie-" + suffix, "XML");
        fhir = channel(admin, "if-" + suffix, "FHIR");
        route(admin, "PRPA_IN201311UV02", patients);
        route(admin, "PRPA_IN201314UV02", patients);
        route(admin, "PRPA_IN201305UV02", patients);
        route(admin, "PRPA_IN400001UV", encounters);
        route(admin, "Patient", fhir);
        route(admin, "Observation", fhir);
    }

    static String channel(Api admin, String code, String dataType) {
        assertThat(admin.put("/api/v1/integration/channels/" + code, """
                {"name": "互联互通 %s", "source": {"type": "CHANNEL", "dataType": "%s"},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "%s",
                   "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1}}]}"""
                .formatted(code, dataType, receiver.url("/" + code))).status()).isEqualTo(201);
        return code;
    }

    static void route(Api admin, String route, String channel) {
        assertThat(admin.put("/api/v1/integration/interop/routes/" + route,
                "{\"channel\": \"" + channel + "\", \"description\": \"测试路由\"}").status()).isIn(200, 201);
    }

    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", contentType).header("Authorization", his)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String soap11(String action, String message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <HIPMessageServer xmlns="urn:hl7-org:v3"><action>%s</action><message><![CDATA[%s]]></message></HIPMessageServer>
                </soap:Body></soap:Envelope>""".formatted(action, message);
    }

    static String soap12(String action, String message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body>
                <HIPMessageServer xmlns="urn:hl7-org:v3"><action>%s</action><message>%s</message></HIPMessageServer>
                </soap12:Body></soap12:Envelope>""".formatted(action, V3Message.escape(message));
    }

    /** The HL7 v3 answer inside the SOAP response. */
    static Document result(HttpResponse<String> response) throws Exception {
        Document envelope = V3Message.parseXml(response.body());
        String result = envelope.getElementsByTagNameNS("urn:hl7-org:v3", "HIPMessageServerResult").item(0).getTextContent();
        return V3Message.parseXml(result);
    }

    static String ackCode(Document ack) {
        return ((Element) ack.getElementsByTagNameNS("urn:hl7-org:v3", "acknowledgement").item(0)).getAttribute("typeCode");
    }

    static String ackText(Document ack) {
        return ((Element) ack.getElementsByTagNameNS("urn:hl7-org:v3", "acknowledgementDetail").item(0)
                .getFirstChild()).getAttribute("value");
    }

    static String target(Document ack) {
        return ((Element) ((Element) ack.getElementsByTagNameNS("urn:hl7-org:v3", "targetMessage").item(0))
                .getElementsByTagNameNS("urn:hl7-org:v3", "id").item(0)).getAttribute("extension");
    }

    String sample(String action, String messageId, String patientId) {
        return catalogue.sample(action).orElseThrow().replace("HIS-20260101-000101", messageId)
                .replace("HIS-20260101-000102", messageId).replace("HIS-20260101-000401", messageId)
                .replace("EMR-20260101-000201", messageId).replace("P000123", patientId);
    }

    long storedId(Document ack) {
        String text = ackText(ack);
        return Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
    }

    @Test
    void soap11And12CallsAreRoutedStoredAndAcknowledgedAfterTheCommit() throws Exception {
        Api admin = admin();
        String patient = "P" + UUID.randomUUID().toString().substring(0, 6);
        String registration = "MSG-" + UUID.randomUUID();
        HttpResponse<String> registered = post("/", "text/xml; charset=utf-8",
                soap11("PRPA_IN201311UV02", sample("PRPA_IN201311UV02", registration, patient)));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Document ack = result(registered);
        assertThat(ack.getDocumentElement().getLocalName()).isEqualTo("MCCI_IN000002UV01");
        assertThat(ackCode(ack)).as(ackText(ack)).isEqualTo("AA");
        assertThat(target(ack)).isEqualTo(registration);
        long id = storedId(ack);
        var stored = admin.contentReader().get("/api/v1/integration/messages/" + id).json();
        assertThat(stored.get("channel").asString()).isEqualTo(patients);
        assertThat(stored.get("controlId").asString()).isEqualTo("PRPA_IN201311UV02:" + registration);
        assertThat(stored.get("masked").asBoolean()).as("no integration:data: identifiers masked").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + patients).size() == 1);
        assertThat(receiver.accepted("/" + patients).get(0).body()).as("the HL7 v3 message itself, not the envelope")
                .startsWith("<?xml").contains(registration, "张伟").doesNotContain("Envelope");

        String admission = "MSG-" + UUID.randomUUID();
        HttpResponse<String> admitted = post("/", "application/soap+xml; charset=utf-8",
                soap12("PRPA_IN400001UV", sample("PRPA_IN400001UV", admission, patient)));
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
        assertThat(admitted.body()).contains("http://www.w3.org/2003/05/soap-envelope");
        Document admittedAck = result(admitted);
        assertThat(ackCode(admittedAck)).as(ackText(admittedAck)).isEqualTo("AA");
        assertThat(target(admittedAck)).isEqualTo(admission);
        assertThat(admin.contentReader().get("/api/v1/integration/messages/" + storedId(admittedAck)).json().get("channel").asString())
                .isEqualTo(encounters);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted("/" + encounters).size() == 1);

        var calls = admin.get("/api/v1/integration/interop/routes/PRPA_IN400001UV/calls").json();
        assertThat(calls.get(0).get("outcome").asString()).isEqualTo("AA");
        assertThat(calls.get(0).get("messageId").asLong()).isEqualTo(storedId(admittedAck));
    }

    @Test
    void unknownActionsSchemaViolationsAndMalformedXmlAreAnsweredNotDropped() throws Exception {
        HttpResponse<String> unknown = post("/", "text/xml", soap11("PRPA_IN999999UV02",
                sample("PRPA_IN201311UV02", "MSG-x", "P1").replace("PRPA_IN201311UV02", "PRPA_IN999999UV02")));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(ackCode(result(unknown))).isEqualTo("AE");
        assertThat(ackText(result(unknown))).contains("no route for action PRPA_IN999999UV02");

        String noPatientId = sample("PRPA_IN201311UV02", "MSG-" + UUID.randomUUID(), "P1")
                .replaceFirst("<id><item root=\"2.16.156.10011.1.3\" extension=\"P1\"/></id>", "");
        HttpResponse<String> invalid = post("/", "text/xml", soap11("PRPA_IN201311UV02", noPatientId));
        assertThat(invalid.statusCode()).isEqualTo(200);
        Document invalidAck = result(invalid);
        assertThat(ackCode(invalidAck)).isEqualTo("AR");
        assertThat(ackText(invalidAck)).startsWith("schema violation").contains("statusCode");
        assertThat(target(invalidAck)).startsWith("MSG-");

        HttpResponse<String> malformed = post("/", "application/soap+xml", soap12("PRPA_IN201311UV02",
                "<PRPA_IN201311UV02 xmlns=\"urn:hl7-org:v3\"><id extension=\"1\"></PRPA_IN201311UV02>"));
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(ackCode(result(malformed))).isEqualTo("AR");
        assertThat(ackText(result(malformed))).contains("not well-formed XML");

        HttpResponse<String> wrongAction = post("/", "text/xml", soap11("PRPA_IN201314UV02",
                sample("PRPA_IN201311UV02", "MSG-" + UUID.randomUUID(), "P1")));
        assertThat(ackCode(result(wrongAction))).isEqualTo("AR");
    }

    @Test
    void aBrokenEnvelopeIsASoapFault() throws Exception {
        HttpResponse<String> broken = post("/", "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("<soap:Fault>", "<faultcode>soap:Client</faultcode>");

        HttpResponse<String> noCall = post("/", "application/soap+xml",
                "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body><Other/></e:Body></e:Envelope>");
        assertThat(noCall.statusCode()).isEqualTo(400);
        assertThat(noCall.body()).contains("soap:Sender", "HIPMessageServer");

        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/?wsdl")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        Document definitions = V3Message.parseXml(wsdl.body());
        assertThat(definitions.getDocumentElement().getLocalName()).isEqualTo("definitions");
        assertThat(wsdl.body()).contains("HIPMessageServer", "soap12:binding");
    }

    @Test
    void thePatientQueryAnswersTheLatestRegistration() throws Exception {
        String patient = "P" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> none = post("/", "text/xml", soap11("PRPA_IN201305UV02",
                sample("PRPA_IN201305UV02", "Q-" + UUID.randomUUID(), patient)));
        Document notFound = result(none);
        assertThat(notFound.getDocumentElement().getLocalName()).isEqualTo("PRPA_IN201306UV02");
        assertThat(((Element) notFound.getElementsByTagNameNS("urn:hl7-org:v3", "queryResponseCode").item(0))
                .getAttribute("code")).isEqualTo("NF");

        assertThat(ackCode(result(post("/", "text/xml", soap11("PRPA_IN201311UV02",
                sample("PRPA_IN201311UV02", "R-" + UUID.randomUUID(), patient)))))).isEqualTo("AA");
        assertThat(ackCode(result(post("/", "text/xml", soap11("PRPA_IN201314UV02",
                sample("PRPA_IN201314UV02", "U-" + UUID.randomUUID(), patient)))))).isEqualTo("AA");

        String queryId = "Q-" + UUID.randomUUID();
        Document answer = result(post("/", "application/soap+xml", soap12("PRPA_IN201305UV02",
                sample("PRPA_IN201305UV02", queryId, patient))));
        assertThat(answer.getDocumentElement().getLocalName()).isEqualTo("PRPA_IN201306UV02");
        assertThat(ackCode(answer)).isEqualTo("AA");
        assertThat(target(answer)).isEqualTo(queryId);
        assertThat(((Element) answer.getElementsByTagNameNS("urn:hl7-org:v3", "queryResponseCode").item(0))
                .getAttribute("code")).isEqualTo("OK");
        String text = V3Message.text(answer.getDocumentElement());
        assertThat(text).as("the update, the latest registration").contains(patient, "安贞路", "13911112222")
                .doesNotContain("和平里");
    }

    @Test
    void theFhirFacadeRoutesAPatientAndAnObservation() throws Exception {
        Api admin = admin();
        HttpResponse<String> patient = post("/fhir/Patient", "application/fhir+json", """
                {"resourceType": "Patient", "identifier": [{"system": "urn:oid:2.16.156.10011.1.3", "value": "P77"}],
                 "name": [{"text": "王芳"}], "gender": "female", "birthDate": "1985-06-01"}""");
        assertThat(patient.statusCode()).as(patient.body()).isEqualTo(201);
        String location = patient.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/fhir/Patient/");
        assertThat(patient.body()).doesNotContain("OperationOutcome");
        long id = Long.parseLong(patient.headers().firstValue("X-MedOps-Message-Id").orElseThrow());
        assertThat(admin.contentReader().get("/api/v1/integration/messages/" + id).json().get("channel").asString()).isEqualTo(fhir);

        HttpResponse<String> observation = post("/fhir/Observation", "application/fhir+json", """
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7", "display": "葡萄糖"}]},
                 "subject": {"reference": "Patient/P77"}, "valueQuantity": {"value": 5.6, "unit": "mmol/L"}}""");
        assertThat(observation.statusCode()).as(observation.body()).isEqualTo(201);

        HttpResponse<String> invalid = post("/fhir/Observation", "application/fhir+json",
                "{\"resourceType\": \"Observation\", \"status\": 12, ");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("OperationOutcome");
        HttpResponse<String> mismatch = post("/fhir/Observation", "application/fhir+json", "{\"resourceType\": \"Patient\"}");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        HttpResponse<String> unrouted = post("/fhir/Medication", "application/fhir+json", "{\"resourceType\": \"Medication\"}");
        assertThat(unrouted.statusCode()).isEqualTo(404);
        assertThat(unrouted.body()).contains("OperationOutcome");
    }

    @Test
    void theRouteApiChecksPermissionsAndInputAndAuditsChanges() {
        Api admin = admin();
        Api readOnly = admin.newUser("ir-" + UUID.randomUUID().toString().substring(0, 6), "只读", "Read#Only-2026", "READ_ONLY");
        assertThat(readOnly.get("/api/v1/integration/interop/routes").status()).isEqualTo(200);
        assertThat(readOnly.put("/api/v1/integration/interop/routes/POOR_IN200901UV",
                "{\"channel\": \"" + encounters + "\"}").status()).isEqualTo(403);
        assertThat(readOnly.delete("/api/v1/integration/interop/routes/Patient").status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/v1/integration/interop/routes").status()).isIn(401, 403);

        Api.Response badKey = admin.put("/api/v1/integration/interop/routes/not-an-action", "{\"channel\": \"" + patients + "\"}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("code").asString()).isEqualTo("integration-interop-route");
        Api.Response noChannel = admin.put("/api/v1/integration/interop/routes/POOR_IN200901UV", "{\"channel\": \"nope-x\"}");
        assertThat(noChannel.status()).isEqualTo(422);
        Api.Response wrongType = admin.put("/api/v1/integration/interop/routes/Encounter", "{\"channel\": \"" + patients + "\"}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().get("code").asString()).isEqualTo("integration-interop-channel-data");
        assertThat(admin.send("PUT", "/api/v1/integration/interop/routes/POOR_IN200901UV", "{not json", "application/json")
                .status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/integration/interop/routes/POOR_IN200999UV").status()).isEqualTo(404);

        assertThat(admin.put("/api/v1/integration/interop/routes/POOR_IN200901UV",
                "{\"channel\": \"" + encounters + "\", \"description\": \"医嘱信息新增\"}").status()).isEqualTo(201);
        assertThat(admin.delete("/api/v1/integration/interop/routes/POOR_IN200901UV").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/integration/interop/routes/POOR_IN200901UV").status()).isEqualTo(404);
        String trail = admin.auditAdmin().get("/api/v1/audit?target=POOR_IN200901UV&limit=50").body();
        assertThat(trail).contains("integration.interop.route.create", "integration.interop.route.delete");

        assertThat(admin.get("/api/v1/integration/interop/samples/PRPA_IN201311UV02").body()).contains("张伟");
        var sent = admin.post("/api/v1/integration/interop/samples/PRPA_IN201311UV02/send", "{}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("answer").asString()).contains("typeCode=\"AA\"");
        assertThat(readOnly.post("/api/v1/integration/interop/samples/PRPA_IN201311UV02/send", "{}").status()).isEqualTo(403);
    }
}
