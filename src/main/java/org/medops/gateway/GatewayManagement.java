package org.medops.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The management port of a gateway-only node, which has no servlet server and so no actuator over HTTP:
 * {@code /health/liveness} (the event loop answers), {@code /health/readiness} (a configuration is loaded, from the
 * database or the node's disk copy) and {@code /metrics} (the Prometheus text, only with
 * {@code Authorization: Bearer <medops.metrics.token>}). Kubernetes probes and Prometheus use it as they use the
 * console's {@code /actuator/health/*} and {@code /actuator/prometheus}.
 */
final class GatewayManagement implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayManagement.class);

    private final GatewayServer gateway;
    private final PrometheusMeterRegistry prometheus;
    private final byte[] scrapeToken;
    private final int port;
    private HttpServer server;
    private volatile boolean running;

    GatewayManagement(GatewayServer gateway, PrometheusMeterRegistry prometheus, String scrapeToken, int port) {
        this.gateway = gateway;
        this.prometheus = prometheus;
        this.scrapeToken = scrapeToken == null || scrapeToken.isBlank() ? null
                : scrapeToken.strip().getBytes(StandardCharsets.UTF_8);
        this.port = port;
    }

    @Override
    public void start() {
        try {
            server = gateway.vertx().createHttpServer().requestHandler(this::handle)
                    .listen(port, "0.0.0.0").await(30, TimeUnit.SECONDS);
            running = true;
            log.info("Gateway management (health, metrics) on port {}", server.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException("Gateway management port " + port + " cannot be bound", e);
        }
    }

    private void handle(HttpServerRequest request) {
        if (!"GET".equals(request.method().name())) {
            answer(request, 405, "{\"status\":\"METHOD_NOT_ALLOWED\"}");
            return;
        }
        switch (request.path()) {
            case "/health/liveness" -> answer(request, 200, "{\"status\":\"UP\"}");
            case "/health/readiness" -> {
                boolean ready = gateway.isRunning() && gateway.feed().current().version() > 0;
                answer(request, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
            }
            case "/metrics" -> metrics(request);
            default -> answer(request, 404, "{\"status\":\"NOT_FOUND\"}");
        }
    }

    private void metrics(HttpServerRequest request) {
        if (prometheus == null) {
            answer(request, 404, "{\"status\":\"NOT_FOUND\"}");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (scrapeToken == null || authorization == null || !authorization.startsWith("Bearer ")
                || !MessageDigest.isEqual(scrapeToken,
                authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            answer(request, 401, "{\"status\":\"UNAUTHORIZED\"}");
            return;
        }
        // A scrape walks every meter: off the event loop, which carries the gateway's calls.
        gateway.vertx().executeBlocking(prometheus::scrape, false)
                .onSuccess(text -> request.response().setStatusCode(200)
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text))
                .onFailure(error -> answer(request, 500, "{\"status\":\"ERROR\"}"));
    }

    private static void answer(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void stop() {
        running = false;
        if (server != null) {
            try {
                server.close().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Gateway management port did not close cleanly: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the gateway (whose Vert.x it uses), before it on the way down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 999;
    }
}
