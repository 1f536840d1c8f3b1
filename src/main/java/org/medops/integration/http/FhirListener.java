package org.medops.integration.http;

import java.time.Clock;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.Taken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One channel's FHIR R4 endpoint: {@code POST [base]/{type}} (create) for the types it lists, answered after the
 * commit with 201 and {@code Location: [base]/{type}/{message id}}; {@code GET [base]/metadata} a
 * CapabilityStatement. Errors are OperationOutcomes: 400 not a valid resource (or another type than the URL's),
 * 404 a type it does not take, 422 the filter or transformer failed, 503 not stored.
 */
final class FhirListener extends HttpPort {

    private static final String FHIR_JSON = "application/fhir+json; charset=utf-8";

    private final Intake intake;
    private final Clock clock;

    FhirListener(Vertx vertx, Intake intake, Clock clock, DeployedChannel channel) {
        super(vertx, "FHIR", channel);
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    void request(HttpServerRequest request) {
        DeployedChannel current = channel();
        var source = current.document().source();
        String base = source.path().endsWith("/") ? source.path().substring(0, source.path().length() - 1) : source.path();
        String path = request.path();
        if (!path.startsWith(base + "/") || path.substring(base.length() + 1).contains("/")) {
            outcome(request, 404, "error", "not-found", "nothing is served at " + path, null);
            return;
        }
        String type = path.substring(base.length() + 1);
        if (type.equals("metadata")) {
            if (request.method() != HttpMethod.GET) {
                request.response().putHeader("Allow", "GET");
                outcome(request, 405, "error", "not-supported", "metadata is read with GET", null);
                return;
            }
            request.response().setStatusCode(200).putHeader("Content-Type", FHIR_JSON)
                    .end(capabilities(source.resources()).toString());
            return;
        }
        if (!source.resources().contains(type)) {
            outcome(request, 404, "error", "not-supported", "this endpoint does not take " + type + " resources", null);
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            outcome(request, 405, "error", "not-supported", "only create (POST) is supported", null);
            return;
        }
        if (!Requests.authorized(source, request)) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            outcome(request, 401, "error", "login", "a valid Authorization: Bearer token is required", null);
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !contentType.startsWith("application/fhir+json")
                && !contentType.startsWith("application/json")) {
            outcome(request, 415, "error", "not-supported", "send application/fhir+json", null);
            return;
        }
        Context context = Vertx.currentContext();
        Requests.body(request, body -> {
            String mismatch = mismatch(body, type);
            Received received = mismatch == null ? Received.of(body) : Received.broken(body, mismatch);
            intake.take(current.document(), received).whenComplete((taken, e) ->
                    context.runOnContext(v -> answer(request, base, type, taken, e)));
        }, () -> outcome(request, 413, "error", "too-costly", "the body is larger than " + Requests.BODY_LIMIT + " bytes",
                null));
    }

    /** The reason a resource of another type than the URL names is refused; null when it matches (or is no JSON). */
    private static String mismatch(byte[] body, String type) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode posted = node == null ? null : node.get("resourceType");
            if (posted != null && posted.isString() && !posted.asString().equals(type)) {
                return "a " + posted.asString() + " resource was posted to the " + type + " endpoint";
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void answer(HttpServerRequest request, String base, String type, Taken taken, Throwable failure) {
        if (failure != null || taken == null) {
            outcome(request, 503, "error", "transient", "message not stored, please send it again", null);
            return;
        }
        Long id = taken.storedMessage().map(s -> s.id()).orElse(null);
        switch (taken.kind()) {
            case ACCEPTED -> {
                request.response().putHeader("Location", base + "/" + type + "/" + id + "/_history/1")
                        .putHeader("X-MedOps-Message-Id", String.valueOf(id));
                outcome(request, 201, "information", "informational",
                        "stored as message " + id + " (" + taken.stored().status().name() + ")", id);
            }
            case FAILED -> outcome(request, 422, "error", "processing", taken.reason(), id);
            case REFUSED -> outcome(request, 400, "error", "invalid", taken.reason(), id);
            case UNSTORED -> outcome(request, 503, "error", "transient", taken.reason(), null);
        }
    }

    private ObjectNode capabilities(java.util.List<String> resources) {
        ObjectNode statement = JSON.createObjectNode().put("resourceType", "CapabilityStatement")
                .put("status", "active").put("date", clock.instant().toString()).put("kind", "instance")
                .put("fhirVersion", "4.0.1");
        statement.putObject("software").put("name", "MedOps integration engine");
        statement.putArray("format").add("application/fhir+json");
        ArrayNode types = statement.putArray("rest").addObject().put("mode", "server").putArray("resource");
        for (String resource : resources) {
            types.addObject().put("type", resource).putArray("interaction").addObject().put("code", "create");
        }
        return statement;
    }

    /** An OperationOutcome with one issue; {@code diagnostics} says why. */
    private static void outcome(HttpServerRequest request, int status, String severity, String code, String diagnostics,
                                Long id) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        if (id != null) {
            outcome.put("id", String.valueOf(id));
        }
        outcome.putArray("issue").addObject().put("severity", severity).put("code", code).put("diagnostics", diagnostics);
        request.response().setStatusCode(status).putHeader("Content-Type", FHIR_JSON).end(outcome.toString());
    }
}
