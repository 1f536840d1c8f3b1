package org.medops.integration.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.medops.integration.data.ContentMask;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Calls a registered request/response service (患者信息查询) through the platform: only for a system holding an
 * active subscription to it, forwarded to the publishing system's endpoint with the service's timeout and a circuit
 * breaker per service (as the engine's destinations: open after {@code failures} failures in a row — a timeout, no
 * connection or a 5xx; a 4xx means the partner is up — then one probe after {@code open}). Every call, refused
 * ones too, is kept with its content masked as the message store masks it; the log never carries content.
 */
@Service
public class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);
    static final int CONTENT_KEPT = 64 * 1024;
    static final int BODY_LIMIT = 16 * 1024 * 1024;

    /** What came back to the caller: the partner's answer as it was sent, and the call's id. */
    public record Answer(long callId, int status, String contentType, byte[] body) {
    }

    /** One kept call, as the console and the API show it (content already masked). */
    public record CallRecord(long id, String serviceCode, String callerSystem, Instant calledAt, int durationMs,
                             String outcome, Integer httpStatus, String requestType, String requestBody,
                             String responseType, String responseBody, String reason, String calledBy) {
    }

    enum Outcome { OK, UPSTREAM_ERROR, TIMEOUT, UNREACHABLE, CIRCUIT_OPEN, NOT_SUBSCRIBED, NO_ENDPOINT }

    private final RegistryStore store;
    private final Clock clock;
    private final HttpClient http;
    private final int failures;
    private final Duration open;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    ServiceCalls(RegistryStore store, Clock clock,
                 @Value("${medops.integration.services.breaker.failures:5}") int failures,
                 @Value("${medops.integration.services.breaker.open:PT30S}") Duration open) {
        this.store = store;
        this.clock = clock;
        this.failures = failures;
        this.open = open;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Calls {@code service} as {@code caller} (a system code) with the body as sent; the partner's answer whatever
     * its status. Refused by the platform: 404 unknown, 409 not a SERVICE / retired / no endpoint, 403 no active
     * subscription, 503 breaker open, 504 timeout, 502 no connection — each a stable problem code.
     */
    public Answer call(String serviceCode, String caller, String contentType, byte[] body, String actor) {
        RegisteredService service = store.find(serviceCode)
                .orElseThrow(() -> ProblemException.notFound("integration-service", serviceCode));
        if (service.kind() != ServiceKind.SERVICE) {
            throw ProblemException.conflict("integration-service-not-callable", serviceCode);
        }
        if (service.retired()) {
            throw ProblemException.conflict("integration-service-retired", serviceCode);
        }
        if (caller == null || caller.isBlank()) {
            throw ProblemException.invalid("integration-service-caller");
        }
        byte[] request = body == null ? new byte[0] : body;
        Instant at = clock.instant();
        long started = System.nanoTime();
        if (!store.subscribed(serviceCode, caller)) {
            record(service, caller, at, started, Outcome.NOT_SUBSCRIBED, null, contentType, request, null, null,
                    "no active subscription of " + caller, actor);
            throw new ProblemException(HttpStatus.FORBIDDEN, "integration-service-not-subscribed", caller, serviceCode);
        }
        if (service.endpoint() == null) {
            record(service, caller, at, started, Outcome.NO_ENDPOINT, null, contentType, request, null, null,
                    "the service has no endpoint", actor);
            throw ProblemException.conflict("integration-service-no-endpoint", serviceCode);
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(serviceCode, this::breaker);
        if (!breaker.tryAcquirePermission()) {
            long id = record(service, caller, at, started, Outcome.CIRCUIT_OPEN, null, contentType, request, null, null,
                    "circuit breaker open", actor);
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "integration-service-circuit-open", serviceCode, id);
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(service.endpoint()))
                .timeout(Duration.ofMillis(service.timeout()))
                .header("X-MedOps-Service", serviceCode).header("X-MedOps-Caller", caller)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request));
        if (contentType != null && !contentType.isBlank()) {
            forward.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            breaker.onError(elapsed(started), TimeUnit.MILLISECONDS, e);
            long id = record(service, caller, at, started, Outcome.TIMEOUT, null, contentType, request, null, null,
                    "no answer within " + service.timeout() + " ms", actor);
            log.info("Service call {} of {} by {}: no answer within {} ms", id, serviceCode, caller, service.timeout());
            throw new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "integration-service-call-timeout", serviceCode,
                    service.timeout(), id);
        } catch (IOException e) {
            breaker.onError(elapsed(started), TimeUnit.MILLISECONDS, e);
            String reason = e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
            long id = record(service, caller, at, started, Outcome.UNREACHABLE, null, contentType, request, null, null,
                    reason, actor);
            log.info("Service call {} of {} by {}: {}", id, serviceCode, caller, reason);
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "integration-service-unreachable", serviceCode, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "integration-service-unreachable", serviceCode, 0);
        }
        if (response.statusCode() >= 500) {
            breaker.onError(elapsed(started), TimeUnit.MILLISECONDS, new IOException("HTTP " + response.statusCode()));
        } else {
            breaker.onSuccess(elapsed(started), TimeUnit.MILLISECONDS);
        }
        String answerType = response.headers().firstValue("Content-Type").orElse(null);
        byte[] answer = response.body() == null ? new byte[0] : response.body();
        Outcome outcome = response.statusCode() < 400 ? Outcome.OK : Outcome.UPSTREAM_ERROR;
        long id = record(service, caller, at, started, outcome, response.statusCode(), contentType, request, answerType,
                answer, outcome == Outcome.OK ? null : "the service answered HTTP " + response.statusCode(), actor);
        return new Answer(id, response.statusCode(), answerType, answer);
    }

    /** The breaker's state for this service on this node: CLOSED, OPEN, HALF_OPEN, or CLOSED when never called. */
    public String breakerState(String serviceCode) {
        CircuitBreaker breaker = breakers.get(serviceCode);
        return breaker == null ? "CLOSED" : breaker.getState().name();
    }

    public java.util.List<CallRecord> recent(String serviceCode, int limit) {
        return store.calls(serviceCode, Math.max(1, Math.min(limit, 200)));
    }

    private CircuitBreaker breaker(String serviceCode) {
        CircuitBreaker breaker = CircuitBreaker.of("service-" + serviceCode, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures).minimumNumberOfCalls(failures).failureRateThreshold(100)
                .waitDurationInOpenState(open).permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true).build());
        breaker.getEventPublisher().onStateTransition(event -> log.info("Integration service {}: breaker {}",
                serviceCode, event.getStateTransition()));
        return breaker;
    }

    private long record(RegisteredService service, String caller, Instant at, long started, Outcome outcome,
                        Integer status, String requestType, byte[] request, String responseType, byte[] response,
                        String reason, String actor) {
        return store.insertCall(new CallRecord(0, service.code(), clip(caller, 32), at, (int) elapsed(started),
                outcome.name(), status, clip(requestType, 200), masked(request), clip(responseType, 200),
                response == null ? null : masked(response), clip(reason, 500), clip(actor, 128)));
    }

    /** Content masked as stored messages are for readers without the data right; what cannot be read is hidden. */
    static String masked(byte[] content) {
        if (content.length == 0) {
            return "";
        }
        String text = new String(content, StandardCharsets.UTF_8);
        String masked = ContentMask.of(text).map(m -> m.apply(text)).orElse(null);
        if (masked == null) {
            return "[" + content.length + " bytes not shown: content that cannot be read is hidden]";
        }
        return masked.length() > CONTENT_KEPT ? masked.substring(0, CONTENT_KEPT) + "…" : masked;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
