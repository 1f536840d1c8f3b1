package org.medops.integration.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the transformed JSON to a FHIR R4 server as {@code application/fhir+json}: POST creates at
 * {@code url/resource}, PUT updates {@code url/resource/id} (the id taken from the resource). A POST is a conditional
 * create ({@code If-None-Exist: identifier=urn:medops:message-id|<id>}), so a redelivery is a no-op on a server
 * that supports it when the transformer puts that identifier into the resource. 200/201 delivered; 4xx rejected
 * with the OperationOutcome's diagnostics; 5xx, 408, 429 and no answer are failures.
 */
final class FhirSender implements Sender {

    static final String MESSAGE_ID_SYSTEM = "urn:medops:message-id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpSender.client();

    @Component
    static final class Kind implements Sender.Kind {

        @Override
        public String type() {
            return "FHIR";
        }

        @Override
        public Sender open() {
            return new FhirSender();
        }
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) throws InterruptedException {
        if (!message.isTransformed()) {
            return Result.rejected(null, "a FHIR destination needs a transformer that builds the resource as JSON");
        }
        String base = destination.url().endsWith("/") ? destination.url() : destination.url() + "/";
        URI uri;
        if ("PUT".equals(destination.method())) {
            String id = resourceId(message.transformed());
            if (id == null) {
                return Result.rejected(null, "PUT needs the resource's id");
            }
            uri = URI.create(base + destination.resource() + "/" + id);
        } else {
            uri = URI.create(base + destination.resource());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(destination.timeout())
                .header("Content-Type", "application/fhir+json; charset=utf-8")
                .header("Accept", "application/fhir+json")
                .method(destination.method(), HttpRequest.BodyPublishers.ofString(message.transformed(), StandardCharsets.UTF_8));
        if ("POST".equals(destination.method())) {
            request.header("If-None-Exist", "identifier=" + MESSAGE_ID_SYSTEM + "|" + message.id());
        }
        HttpSender.identify(request, message);
        Result result = HttpSender.exchange(client, request.build(), destination);
        if (result.rejected()) {
            String diagnostics = diagnostics(result.body());
            return diagnostics == null ? result : Result.rejected(result.body(), result.error() + ": " + diagnostics);
        }
        return result;
    }

    private static String resourceId(String json) {
        try {
            JsonNode id = JSON.readTree(json).get("id");
            return id == null || !id.isString() || id.asString().isBlank() ? null : id.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The diagnostics (else the details' text) of every issue of an OperationOutcome, joined. */
    static String diagnostics(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode outcome = JSON.readTree(body);
            if (!"OperationOutcome".equals(outcome.path("resourceType").asString(""))) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode issue : outcome.path("issue")) {
                String said = issue.path("diagnostics").asString("");
                if (said.isBlank()) {
                    said = issue.path("details").path("text").asString("");
                }
                if (!said.isBlank()) {
                    text.append(text.isEmpty() ? "" : "; ").append(said);
                }
            }
            return text.isEmpty() ? null : text.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
