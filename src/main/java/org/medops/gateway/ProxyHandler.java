package org.medops.gateway;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;

/**
 * One call through the gateway: a request id, then the policy steps in order (see docs/architecture.md):
 * request shape, service, signature headers, body, authentication (signature, replay), authorization
 * (channel, IP allow-list, grant), rate limits, daily quotas, circuit breaker, body capture, proxy.
 * The first step that rejects decides the answer. Runs on the event loop and never blocks.
 */
final class ProxyHandler implements Handler<HttpServerRequest> {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ConfigFeed config;
    private final Clock clock;
    private final Answer answer;
    private final GatewayPipeline pipeline;

    ProxyHandler(ConfigFeed config, HttpClient client, Limiter limiter, AccessLogWriter accessLog,
                 GatewaySettings settings, String nodeId, Clock clock, ZoneId quotaZone,
                 GatewayCallers callers) {
        this.config = config;
        this.clock = clock;
        this.answer = new Answer(accessLog, nodeId);
        CaptureStep capture = new CaptureStep(settings.maskedHeaders(), settings.maskedFields(),
                settings.captureLimitBytes());
        this.pipeline = new GatewayPipeline(List.of(
                new RequestShapeStep(),
                new ServiceStep(),
                new SignatureHeadersStep(clock, settings.clockSkew(), settings.maxBodyBytes()),
                new BodyStep(settings.maxBodyBytes()),
                new AuthenticationStep(limiter, clock),
                new AuthorizationStep(),
                new RateLimitStep(limiter),
                new QuotaStep(limiter, clock, quotaZone),
                new CircuitStep(),
                capture,
                new ProxyStep(client, capture, answer, callers)));
    }

    @Override
    public void handle(HttpServerRequest request) {
        String presentedId = request.getHeader("X-Request-Id");
        String requestId = presentedId != null && REQUEST_ID.matcher(presentedId).matches()
                ? presentedId : newRequestId();
        Exchange exchange = new Exchange(request, requestId, System.nanoTime(), clock.instant(), config.current());
        pipeline.run(exchange).onFailure(error -> {
            if (error instanceof GatewayRejection rejection) {
                answer.reject(exchange, rejection);
            } else {
                request.connection().close(); // the upload broke: nobody is left to answer
            }
        });
    }

    /** A random (version 4) UUID without the shared SecureRandom that UUID.randomUUID() contends on. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
