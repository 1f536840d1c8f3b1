package org.medops.integration.http;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.data.DataType;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.Taken;
import tools.jackson.databind.node.ObjectNode;

/**
 * One channel's HTTP port: {@code POST <path>} with the message as the body. Answered after the commit: 200
 * {@code {"id", "status"}} (for HL7 v2 the ACK as the body), 400 problem details for input that is not valid data,
 * 422 when the stored message failed the filter or transformer, 503 when it could not be stored (send again).
 */
final class HttpListener extends HttpPort {


    private final Intake intake;
    private final ZoneId zone;

    HttpListener(Vertx vertx, Intake intake, ZoneId zone, DeployedChannel channel) {
        super(vertx, "HTTP", channel);
        this.intake = intake;
        this.zone = zone;
    }

    @Override
    void request(HttpServerRequest request) {
        DeployedChannel current = channel();
        var source = current.document().source();
        if (!request.path().equals(source.path())) {
            problem(request, 404, "integration-http-not-found", "nothing listens at " + request.path(), null);
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            problem(request, 405, "integration-http-method", "only POST is accepted here", null);
            return;
        }
        if (!Requests.authorized(source, request)) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            problem(request, 401, "integration-http-token", "a valid Authorization: Bearer token is required", null);
            return;
        }
        Context context = Vertx.currentContext();
        Requests.body(request, body -> intake.take(current.document(), Received.of(body)).whenComplete((taken, e) ->
                        context.runOnContext(v -> answer(request, current.document().source().data(), taken, e))),
                () -> problem(request, 413, "integration-http-too-large",
                        "the body is larger than " + Requests.BODY_LIMIT + " bytes", null));
    }

    private void answer(HttpServerRequest request, DataType type, Taken taken, Throwable failure) {
        if (failure != null || taken == null) {
            problem(request, 503, "integration-http-not-stored", "message not stored, please send it again", null);
            return;
        }
        int status = switch (taken.kind()) {
            case ACCEPTED -> 200;
            case FAILED -> 422;
            case REFUSED -> 400;
            case UNSTORED -> 503;
        };
        if (type == DataType.HL7V2) {
            byte[] ack = taken.ackBytes(zone);
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/hl7-v2; charset=" + taken.charset().name())
                    .end(io.vertx.core.buffer.Buffer.buffer(ack));
            return;
        }
        Long id = taken.storedMessage().map(s -> s.id()).orElse(null);
        switch (taken.kind()) {
            case ACCEPTED -> {
                ObjectNode body = JSON.createObjectNode().put("id", id).put("status", taken.stored().status().name());
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(body.toString());
            }
            case FAILED -> problem(request, 422, "integration-http-processing-failed", taken.reason(), id);
            case REFUSED -> problem(request, 400, "integration-http-malformed", taken.reason(), id);
            case UNSTORED -> problem(request, 503, "integration-http-not-stored", taken.reason(), null);
        }
    }

    /** RFC 9457 problem details, as the API answers, with the stored message's id when there is one. */
    static void problem(HttpServerRequest request, int status, String code, String detail, Long id) {
        ObjectNode body = JSON.createObjectNode().put("type", "urn:medops:problem:" + code)
                .put("title", io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status).put("detail", detail).put("instance", request.path()).put("code", code);
        if (id != null) {
            body.put("id", id);
        }
        HttpServerResponse response = request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json");
        if (status == 503) {
            response.putHeader("Retry-After", "1");
        }
        response.end(new String(body.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
