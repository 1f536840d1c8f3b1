package org.medops.integration.interop;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.Taken;
import org.medops.integration.registry.ServiceCalls;
import org.medops.integration.store.MessageBrowser;
import org.medops.integration.store.MessageDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.medops.settings.Settings;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of the interop port to its answer, off the event loop: read the SOAP call (or FHIR resource), route it
 * by action (resource type), check it, store it through the intake and answer after the commit. An input that is
 * wrong is answered with a readable reason (AE/AR, an OperationOutcome), never a dropped connection or a 500.
 */
@Component
class InteropService {

    private static final Logger log = LoggerFactory.getLogger(InteropService.class);
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final String QUERY = "PRPA_IN201305UV02";
    static final Set<String> REGISTRATIONS = Set.of("PRPA_IN201311UV02", "PRPA_IN201314UV02");
    private static final String FHIR_JSON = "application/fhir+json; charset=utf-8";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RouteStore routes;
    private final ChannelDirectory channels;
    private final Intake intake;
    private final MessageBrowser messages;
    private final InteropCatalogue catalogue;
    private final Clock clock;
    private final Settings settings;
    private final SystemCredentials credentials;
    private final ServiceCalls calls;

    InteropService(RouteStore routes, ChannelDirectory channels, Intake intake, MessageBrowser messages,
                   InteropCatalogue catalogue, Clock clock, Settings settings, SystemCredentials credentials,
                   ServiceCalls calls) {
        this.credentials = credentials;
        this.calls = calls;
        this.routes = routes;
        this.channels = channels;
        this.intake = intake;
        this.messages = messages;
        this.catalogue = catalogue;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A {@code HIPMessageServer} call: its caller identified by the envelope's WS-Security UsernameToken or HTTP
     * Basic, else a SOAP fault with HTTP 401 and a stable code ({@code interop-auth-*}).
     */
    Answer soap(byte[] bytes, String contentType, String authorization, String remote) {
        Soap.Call call;
        try {
            call = Soap.read(new String(bytes, StandardCharsets.UTF_8), contentType);
        } catch (Soap.Broken e) {
            return new Answer(400, e.version.contentType, Soap.fault(e.version, e.getMessage()));
        }
        SystemCredentials.Presented presented = call.token() != null ? call.token() : basic(authorization);
        SystemCredentials.Verdict verdict = credentials.check(presented, remote, "HIPMessageServer " + clip(call.action()));
        if (!verdict.accepted()) {
            return new Answer(401, call.version().contentType, Soap.fault(call.version(),
                    verdict.code() + ": " + REFUSALS.get(verdict.code()), verdict.code()), CHALLENGE);
        }
        return new Answer(200, call.version().contentType,
                Soap.envelope(call.version(), hip(call.action(), call.message(), verdict.system())));
    }

    static final Map<String, String> REFUSALS = Map.of(
            "interop-auth-missing", "identify as a registered system: a WS-Security UsernameToken in the SOAP header or HTTP Basic",
            "interop-auth-unknown", "no system has this username",
            "interop-auth-wrong", "the password or its digest is wrong",
            "interop-auth-stale", "the UsernameToken's Created is not within 5 minutes of now, or its Nonce was used before");
    static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"MedOps interop\", charset=\"UTF-8\"");

    /** HTTP Basic credentials, or null when the header is absent or not Basic. */
    static SystemCredentials.Basic basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new SystemCredentials.Basic(decoded, "")
                    : new SystemCredentials.Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new SystemCredentials.Basic("", "");
        }
    }

    /** The system an HTTP Basic header identifies, or the refusal as an answer. */
    private Object caller(String authorization, String remote, String what) {
        SystemCredentials.Verdict verdict = credentials.check(basic(authorization), remote, what);
        return verdict.accepted() ? verdict.system() : verdict;
    }

    /** {@code HIPMessageServer(action, message)} from {@code caller} (a system code; null for the console's test). */
    String hip(String action, String message, String caller) {
        Instant at = clock.instant();
        V3Message parsed;
        try {
            parsed = V3Message.parse(message);
        } catch (V3Message.Rejected e) {
            return called(caller, action, at, null, Ack.AR, e.getMessage(), null, "", "");
        }
        Optional<InteropRoute> route = InteropRoute.kindOf(action) == InteropRoute.Kind.HL7V3
                ? routes.find(action) : Optional.empty();
        if (route.isEmpty()) {
            return called(caller, action, at, null, Ack.AE, "no route for action " + clip(action) + ": this platform does not take it",
                    null, parsed.messageId(), parsed.senderId());
        }
        if (!action.equals(parsed.root()) || !action.equals(parsed.interactionId())) {
            return called(caller, action, at, null, Ack.AR, "the message is " + clip(parsed.root()) + " (interactionId "
                    + clip(parsed.interactionId()) + "), not the action " + action, null, parsed.messageId(), parsed.senderId());
        }
        if (!V3Message.NS.equals(parsed.document().getDocumentElement().getNamespaceURI())) {
            return called(caller, action, at, null, Ack.AR, "the message is not in the HL7 v3 namespace urn:hl7-org:v3", null,
                    parsed.messageId(), parsed.senderId());
        }
        if (catalogue.validates(action)) {
            Optional<String> violation = catalogue.violation(message.strip());
            if (violation.isPresent()) {
                return called(caller, action, at, null, Ack.AR, violation.get(), null, parsed.messageId(), parsed.senderId());
            }
        } else if (parsed.messageId().isBlank()) {
            return called(caller, action, at, null, Ack.AR, "the message has no id/@extension", null, "", parsed.senderId());
        }
        Optional<DeployedChannel> channel = channels.deployed(route.get().channel());
        if (channel.isEmpty()) {
            return called(caller, action, at, null, Ack.AE, "the route's channel " + route.get().channel() + " does not exist",
                    null, parsed.messageId(), parsed.senderId());
        }
        Taken taken = take(channel.get(), message.strip().getBytes(StandardCharsets.UTF_8),
                parsed.messageId().isBlank() ? null : action + ":" + parsed.messageId());
        Long id = taken == null ? null : taken.storedMessage().map(s -> s.id()).orElse(null);
        Ack code = taken == null ? Ack.AE : switch (taken.kind()) {
            case ACCEPTED -> Ack.AA;
            case REFUSED -> Ack.AR;
            default -> Ack.AE;
        };
        String reason = taken == null || taken.kind() == Taken.Kind.UNSTORED ? "message not stored, please send it again"
                : code == Ack.AA ? "stored as message " + id : taken.reason();
        String patient = parsed.patientId().orElse(null);
        if (code == Ack.AA && action.equals(QUERY)) {
            routes.called(caller, action, at, id, code.name(), reason, null);
            return queryAnswer(parsed, patient, at);
        }
        return called(caller, action, at, id, code, reason, REGISTRATIONS.contains(action) ? patient : null, parsed.messageId(),
                parsed.senderId());
    }

    private Taken take(DeployedChannel channel, byte[] bytes, String key) {
        try {
            return intake.take(channel.document(), key == null ? Received.of(bytes) : Received.keyed(bytes, key))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.warn("Interop: a message for channel {} was not stored ({})", channel.code(), e.getClass().getSimpleName());
            return null;
        }
    }

    private String called(String caller, String action, Instant at, Long messageId, Ack code, String reason,
                          String patient, String target, String sender) {
        String route = action == null || action.isBlank() ? "-" : clip(action);
        routes.called(caller, route, at, messageId, code.name(), reason, patient);
        return acknowledgement(code, reason, target, sender, at);
    }

    enum Ack { AA, AE, AR }

    /** The {@code MCCI_IN000002UV01} acknowledgement of the message {@code target} (its id/@extension). */
    String acknowledgement(Ack code, String reason, String target, String sender, Instant at) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <MCCI_IN000002UV01 xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">
                  <id root="2.16.156.10011.2.5.1.1" extension="%s"/>
                  <creationTime value="%s"/>
                  <interactionId root="2.16.840.1.113883.1.6" extension="MCCI_IN000002UV01"/>
                  <processingCode code="P"/>
                  <processingModeCode/>
                  <acceptAckCode code="NE"/>
                  <receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id><item root="2.16.156.10011.2.5.1.2" extension="%s"/></id></device></receiver>
                  <sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id><item root="2.16.156.10011.2.5.1.3" extension="MedOps"/></id></device></sender>
                  <acknowledgement typeCode="%s">
                    <targetMessage><id root="2.16.156.10011.2.5.1.1" extension="%s"/></targetMessage>
                    <acknowledgementDetail><text value="%s"/></acknowledgementDetail>
                  </acknowledgement>
                </MCCI_IN000002UV01>
                """.formatted(UUID.randomUUID(), HL7_TIME.format(at.atZone(settings.current().zone())), V3Message.escape(sender), code.name(),
                V3Message.escape(target), V3Message.escape(reason));
    }

    /**
     * The patient query's answer ({@code PRPA_IN201306UV02}): the patient of the latest accepted registration or
     * update of that patient id, read from its stored message; {@code NF} when there is none.
     */
    private String queryAnswer(V3Message query, String patientId, Instant at) {
        Optional<Element> patient = Optional.empty();
        String detail = "no registration of patient " + patientId;
        Optional<Long> registration = routes.latestRegistration(patientId, REGISTRATIONS);
        if (registration.isPresent()) {
            Optional<MessageDetail> stored = messages.find(registration.get());
            if (stored.isPresent() && !stored.get().contentExpired()) {
                try {
                    patient = V3Message.parse(stored.get().raw()).first("patient");
                    detail = "patient " + patientId + " as registered in message " + registration.get();
                } catch (V3Message.Rejected e) {
                    detail = "the registration of patient " + patientId + " cannot be read";
                }
            } else {
                detail = "the registration of patient " + patientId + " is no longer stored (retention)";
            }
        }
        String queryId = query.first("queryId").map(e -> e.getAttribute("extension")).orElse("");
        String text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <PRPA_IN201306UV02 xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">
                  <id root="2.16.156.10011.2.5.1.1" extension="%s"/>
                  <creationTime value="%s"/>
                  <interactionId root="2.16.840.1.113883.1.6" extension="PRPA_IN201306UV02"/>
                  <processingCode code="P"/>
                  <processingModeCode/>
                  <acceptAckCode code="NE"/>
                  <receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id><item root="2.16.156.10011.2.5.1.2" extension="%s"/></id></device></receiver>
                  <sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id><item root="2.16.156.10011.2.5.1.3" extension="MedOps"/></id></device></sender>
                  <acknowledgement typeCode="AA">
                    <targetMessage><id root="2.16.156.10011.2.5.1.1" extension="%s"/></targetMessage>
                    <acknowledgementDetail><text value="%s"/></acknowledgementDetail>
                  </acknowledgement>
                  <controlActProcess classCode="CACT" moodCode="EVN">
                    <code code="PRPA_TE201306UV02"/>
                    <subject typeCode="SUBJ"><registrationEvent classCode="REG" moodCode="EVN"><statusCode code="active"/><subject1 typeCode="SBJ"/></registrationEvent></subject>
                    <queryAck><queryId root="2.16.156.10011.2.5.1.4" extension="%s"/><queryResponseCode code="%s"/></queryAck>
                  </controlActProcess>
                </PRPA_IN201306UV02>
                """.formatted(UUID.randomUUID(), HL7_TIME.format(at.atZone(settings.current().zone())), V3Message.escape(query.senderId()),
                V3Message.escape(query.messageId()), V3Message.escape(detail), V3Message.escape(queryId),
                patient.isPresent() ? "OK" : "NF");
        if (patient.isEmpty()) {
            return text.replace("<subject typeCode=\"SUBJ\"><registrationEvent classCode=\"REG\" moodCode=\"EVN\"><statusCode code=\"active\"/><subject1 typeCode=\"SBJ\"/></registrationEvent></subject>\n", "");
        }
        try {
            Document answer = V3Message.parseXml(text);
            Element subject1 = (Element) answer.getElementsByTagNameNS(V3Message.NS, "subject1").item(0);
            subject1.appendChild(answer.importNode(patient.get(), true));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + V3Message.text(answer.getDocumentElement());
        } catch (V3Message.Rejected e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /fhir/{type}} with HTTP Basic: routed by resource type, stored, 201 with a Location; an OperationOutcome otherwise. */
    Answer fhir(String type, byte[] body, String authorization, String remote) {
        Object who = caller(authorization, remote, "FHIR create " + clip(type));
        if (who instanceof SystemCredentials.Verdict refused) {
            return refusedFhir(refused);
        }
        String caller = (String) who;
        Instant at = clock.instant();
        Optional<InteropRoute> route = InteropRoute.kindOf(type) == InteropRoute.Kind.FHIR ? routes.find(type)
                : Optional.empty();
        if (route.isEmpty()) {
            return outcome(404, "not-supported", "no route for " + clip(type) + " resources");
        }
        String mismatch = mismatch(body, type);
        if (mismatch != null) {
            routes.called(caller, type, at, null, "400", mismatch, null);
            return outcome(400, "invalid", mismatch);
        }
        Optional<DeployedChannel> channel = channels.deployed(route.get().channel());
        if (channel.isEmpty()) {
            routes.called(caller, type, at, null, "503", "no channel", null);
            return outcome(503, "transient", "the route's channel " + route.get().channel() + " does not exist");
        }
        Taken taken = take(channel.get(), body, null);
        if (taken == null || taken.kind() == Taken.Kind.UNSTORED) {
            routes.called(caller, type, at, null, "503", "not stored", null);
            return outcome(503, "transient", "message not stored, please send it again");
        }
        Long id = taken.storedMessage().map(s -> s.id()).orElse(null);
        return switch (taken.kind()) {
            case ACCEPTED -> {
                routes.called(caller, type, at, id, "201", "stored as message " + id, null);
                routes.identifiers(id, type, identifiers(body));
                yield new Answer(201, FHIR_JSON, new String(body, StandardCharsets.UTF_8),
                        Map.of("Location", "/fhir/" + type + "/" + id + "/_history/1",
                                "X-MedOps-Message-Id", String.valueOf(id)));
            }
            case FAILED -> {
                routes.called(caller, type, at, id, "422", taken.reason(), null);
                yield outcome(422, "processing", taken.reason());
            }
            default -> {
                routes.called(caller, type, at, id, "400", "not a valid FHIR R4 resource", null);
                yield outcome(400, "invalid", taken.reason());
            }
        };
    }

    private static Answer refusedFhir(SystemCredentials.Verdict refused) {
        Answer outcome = outcome(401, "login", refused.code() + ": " + REFUSALS.get(refused.code()));
        return new Answer(401, outcome.contentType(), outcome.body(), CHALLENGE);
    }

    /** The identifiers of a posted resource ({@code identifier}, an array or one), system and value. */
    static List<String[]> identifiers(byte[] body) {
        List<String[]> found = new java.util.ArrayList<>();
        try {
            JsonNode identifier = JSON.readTree(body).path("identifier");
            for (JsonNode one : identifier.isArray() ? identifier : List.of(identifier)) {
                String value = one.path("value").asString("");
                if (!value.isBlank() && value.length() <= 200) {
                    found.add(new String[] {one.path("system").asString(""), value});
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return found.size() > 20 ? found.subList(0, 20) : found;
    }

    /**
     * {@code GET /fhir/{type}/{id}}: a resource created through the facade, as it was stored (its message id as
     * {@code id}); 404 when the facade did not create it, 410 when retention removed its content.
     */
    Answer fhirRead(String type, String id, String authorization, String remote) {
        Object who = caller(authorization, remote, "FHIR read " + clip(type));
        if (who instanceof SystemCredentials.Verdict refused) {
            return refusedFhir(refused);
        }
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return outcome(404, "not-found", "no " + clip(type) + " " + clip(id));
        }
        if (!routes.created(type, messageId)) {
            return outcome(404, "not-found", "no " + clip(type) + " " + messageId + " was created here");
        }
        Optional<ObjectNode> resource = resource(type, messageId);
        if (resource.isEmpty()) {
            return outcome(410, "deleted", "the content of " + clip(type) + " " + messageId + " is no longer stored (retention)");
        }
        return new Answer(200, FHIR_JSON, resource.get().toString(), Map.of("ETag", "W/\"1\""));
    }

    /**
     * {@code GET /fhir/{type}?identifier=[system|]value}: a searchset Bundle of the resources of that type created
     * through the facade carrying that identifier (the only search parameter: it is indexed when a resource is
     * created; other parameters are refused rather than ignored).
     */
    Answer fhirSearch(String type, java.util.Map<String, String> parameters, String authorization, String remote) {
        Object who = caller(authorization, remote, "FHIR search " + clip(type));
        if (who instanceof SystemCredentials.Verdict refused) {
            return refusedFhir(refused);
        }
        if (InteropRoute.kindOf(type) != InteropRoute.Kind.FHIR || routes.find(type).isEmpty()) {
            return outcome(404, "not-supported", "no route for " + clip(type) + " resources");
        }
        for (String name : parameters.keySet()) {
            if (!Set.of("identifier", "_count", "_format").contains(name)) {
                return outcome(400, "not-supported", "search parameter " + clip(name) + " is not supported: only identifier");
            }
        }
        String identifier = parameters.get("identifier");
        if (identifier == null || identifier.isBlank()) {
            return outcome(400, "required", "search by identifier=[system|]value");
        }
        int count;
        try {
            count = Math.max(1, Math.min(100, Integer.parseInt(parameters.getOrDefault("_count", "50"))));
        } catch (NumberFormatException e) {
            return outcome(400, "invalid", "_count is not a number");
        }
        int bar = identifier.indexOf('|');
        String system = bar < 0 ? null : identifier.substring(0, bar);
        String value = bar < 0 ? identifier : identifier.substring(bar + 1);
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        var entries = bundle.putArray("entry");
        for (long id : routes.search(type, system, value, count)) {
            resource(type, id).ifPresent(r -> {
                ObjectNode entry = entries.addObject().put("fullUrl", "/fhir/" + type + "/" + id);
                entry.set("resource", r);
                entry.putObject("search").put("mode", "match");
            });
        }
        bundle.put("total", entries.size());
        return new Answer(200, FHIR_JSON, bundle.toString());
    }

    private Optional<ObjectNode> resource(String type, long id) {
        Optional<MessageDetail> stored = messages.find(id);
        if (stored.isEmpty() || stored.get().contentExpired() || stored.get().raw() == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(stored.get().raw());
            if (!(node instanceof ObjectNode resource) || !type.equals(resource.path("resourceType").asString(""))) {
                return Optional.empty();
            }
            resource.put("id", String.valueOf(id));
            resource.putObject("meta").put("versionId", "1");
            return Optional.of(resource);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code POST /services/{code}} with HTTP Basic: the registry's request/response service called by the system the
     * credentials identify (it needs an active subscription); the partner's answer as it came, or a problem.
     */
    Answer call(String code, byte[] body, String contentType, String authorization, String remote) {
        Object who = caller(authorization, remote, "service " + clip(code));
        if (who instanceof SystemCredentials.Verdict refused) {
            return new Answer(401, "application/problem+json", problem(401, refused.code(), REFUSALS.get(refused.code())),
                    CHALLENGE);
        }
        try {
            ServiceCalls.Answer answer = calls.call(code, (String) who, contentType, body, "system:" + who);
            return new Answer(answer.status(), answer.contentType() == null ? "application/octet-stream" : answer.contentType(),
                    answer.body(), Map.of("X-MedOps-Call-Id", String.valueOf(answer.callId())));
        } catch (org.medops.shared.ProblemException e) {
            return new Answer(e.status().value(), "application/problem+json", problem(e.status().value(), e.code(),
                    java.util.Arrays.stream(e.arguments()).map(String::valueOf).collect(java.util.stream.Collectors.joining(" "))));
        }
    }

    private static String problem(int status, String code, String detail) {
        return JSON.createObjectNode().put("type", "about:blank").put("title", code).put("status", status)
                .put("code", code).put("detail", detail).toString();
    }

    private static String mismatch(byte[] body, String type) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode posted = node == null ? null : node.get("resourceType");
            if (posted != null && posted.isString() && !posted.asString().equals(type)) {
                return "a " + clip(posted.asString()) + " resource was posted to the " + type + " endpoint";
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Answer outcome(int status, String code, String diagnostics) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", code).put("diagnostics", diagnostics);
        return new Answer(status, FHIR_JSON, outcome.toString());
    }

    /** A caller's identifier as quoted in an answer: at most 64 characters. */
    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    List<InteropCatalogue.Entry> entries() {
        return catalogue.entries();
    }
}
