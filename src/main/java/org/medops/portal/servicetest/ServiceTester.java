package org.medops.portal.servicetest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.medops.catalog.Catalog;
import org.medops.gateway.GatewayStarted;
import org.medops.gateway.Signature;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a composed request through the real gateway as a channel would: timestamp, nonce and
 * signature made here, with the secret opened only for the moment of signing. Every test is kept in
 * its author's history.
 */
@Service
class ServiceTester {

    private static final Set<String> RESERVED = Set.of("x-app-key", "x-timestamp", "x-nonce", "x-signature", "host",
            "content-length", "connection");

    private final Catalog catalog;
    private final ServiceTests tests;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean configured;
    private volatile String gatewayUrl;

    ServiceTester(Catalog catalog, ServiceTests tests, JsonMapper json, Clock clock,
                  @Value("${medops.portal.gateway-url:}") String gatewayUrl) {
        this.catalog = catalog;
        this.tests = tests;
        this.json = json;
        this.clock = clock;
        this.configured = !gatewayUrl.isBlank();
        this.gatewayUrl = configured ? gatewayUrl : null;
    }

    /** Without a configured URL, tests go to the gateway of this JVM, wherever it listens since its last start. */
    @EventListener
    void on(GatewayStarted started) {
        if (!configured) {
            gatewayUrl = "http://127.0.0.1:" + started.port();
        }
    }

    ServiceTestResult run(ServiceTest test, String username) {
        if (gatewayUrl == null) {
            throw ProblemException.conflict("gateway-unknown");
        }
        URI target = test.target(gatewayUrl);
        List<String[]> extraHeaders = test.headerPairs();
        String appKey = catalog.appKeyOf(test.channelCode());
        byte[] body = test.body() == null ? new byte[0] : test.body().getBytes(StandardCharsets.UTF_8);
        String query = test.query() == null || test.query().isBlank() ? null : test.query().trim();
        String timestamp = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String requestId = "test-" + UUID.randomUUID();
        String stringToSign = Signature.stringToSign(test.method(), test.path(), query, timestamp, nonce, body);
        String signature = Signature.sign(catalog.signingSecret(test.channelCode()), stringToSign);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .method(test.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-App-Key", appKey).header("X-Timestamp", timestamp).header("X-Nonce", nonce)
                .header("X-Signature", signature).header("X-Request-Id", requestId);
        for (String[] header : extraHeaders) {
            if (!RESERVED.contains(header[0].toLowerCase())) {
                request.header(header[0], header[1]);
            }
        }
        long start = System.nanoTime();
        int status = 0;
        List<String> headers = List.of();
        String responseBody = null;
        String error = null;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            headers = new ArrayList<>();
            for (var entry : response.headers().map().entrySet()) {
                for (String value : entry.getValue()) {
                    headers.add(entry.getKey() + ": " + value);
                }
            }
            responseBody = pretty(response.body());
        } catch (IOException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        double latency = (System.nanoTime() - start) / 1_000_000.0;
        long id = tests.add(test, username, status, latency, responseBody, clock.instant());
        return new ServiceTestResult(id, status, headers, responseBody, latency, stringToSign, requestId, error);
    }

    List<ServiceTestRecord> history(String username) {
        return tests.latestOf(username);
    }

    ServiceTest rerunnable(long id, String username) {
        return tests.find(id, username).orElseThrow(() -> ProblemException.notFound("service test", id));
    }

    private String pretty(String body) {
        if (body == null || body.isBlank() || !(body.trim().startsWith("{") || body.trim().startsWith("["))) {
            return body;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        } catch (RuntimeException e) {
            return body;
        }
    }

    record ServiceTestRecord(long id, String channelCode, String method, String path, String query, String headers,
                             String body, Integer status, Double latencyMillis, java.time.Instant testedAt) {
    }
}
