package org.medops.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.medops.catalog.ServiceDefinition;

/**
 * The gateway's own answers (errors, the open circuit's fallback) and the access-log record of every
 * call, journalled before the answer is sent: the journal holds the record of every call a caller saw answered.
 */
final class Answer {

    private final AccessLogWriter accessLog;
    private final GatewayMetrics metrics;
    private final String nodeId;

    Answer(AccessLogWriter accessLog, GatewayMetrics metrics, String nodeId) {
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.nodeId = nodeId;
    }

    /** Answers a step's rejection; the body-size refusal also closes the connection. */
    void reject(Exchange exchange, GatewayRejection rejection) {
        HttpServerResponse response = exchange.request.response();
        if (rejection.fallback() != null) {
            fallback(exchange, rejection.fallback());
            return;
        }
        if (rejection.retryAfterSeconds() != null) {
            response.putHeader("Retry-After", rejection.retryAfterSeconds());
        }
        if (rejection.error() == GatewayError.BODY_TOO_LARGE) {
            // The caller may still be sending: answer, then close the connection rather than drain it.
            response.putHeader("Connection", "close").endHandler(v -> exchange.request.connection().close());
        }
        fail(exchange, rejection.error());
    }

    void fail(Exchange exchange, GatewayError error) {
        HttpServerResponse response = exchange.request.response();
        if (response.ended() || response.headWritten()) {
            log(exchange, error.status(), error.code());
            return;
        }
        Buffer body = Buffer.buffer(error.body(exchange.requestId), "UTF-8");
        exchange.bytesOut = body.length();
        log(exchange, error.status(), error.code());
        response.setStatusCode(error.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Request-Id", exchange.requestId)
                .end(body);
    }

    private void fallback(Exchange exchange, ServiceDefinition.Fallback fallback) {
        Buffer body = Buffer.buffer(fallback.body() == null ? "" : fallback.body());
        exchange.bytesOut = body.length();
        log(exchange, fallback.status(), GatewayError.CIRCUIT_OPEN.code());
        exchange.request.response().setStatusCode(fallback.status())
                .putHeader("Content-Type", fallback.contentType())
                .putHeader("X-Request-Id", exchange.requestId)
                .putHeader("X-MedOps-Fallback", "circuit-open")
                .end(body);
    }

    /** Called before the answer is sent, once per call. */
    void log(Exchange exchange, int status, String errorCode) {
        if (!exchange.logged) {
            exchange.logged = true;
            accessLog.record(exchange.entry(nodeId, status, errorCode));
            metrics.call(exchange.serviceCode, exchange.channelCode, status, errorCode,
                    System.nanoTime() - exchange.startNanos);
        }
    }
}
