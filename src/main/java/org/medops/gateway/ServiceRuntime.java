package org.medops.gateway;

import java.time.Duration;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.medops.catalog.ServiceDefinition;

/**
 * A service as a node runs it: its definition plus the state that must survive config reloads
 * (breaker, round robin, health marks). Rebuilt only when the definition itself changes.
 */
final class ServiceRuntime {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final ServiceDefinition definition;
    private final Upstreams upstreams;
    private final CircuitBreaker breaker;
    private final BodyMasker masker;
    private volatile java.time.Instant breakerSince = java.time.Instant.now();

    ServiceRuntime(ServiceDefinition definition) {
        this.definition = definition;
        this.upstreams = new Upstreams(definition.upstreamUrls());
        this.masker = new BodyMasker(definition.maskedFields());
        ServiceDefinition.BreakerSettings settings = definition.breaker();
        this.breaker = CircuitBreaker.of(definition.code(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRatePercent())
                .slowCallRateThreshold(settings.slowCallRatePercent())
                .slowCallDurationThreshold(Duration.ofMillis(settings.slowCallMillis()))
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(Duration.ofSeconds(settings.openSeconds()))
                .permittedNumberOfCallsInHalfOpenState(Math.max(1, Math.min(5, settings.minimumCalls())))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> breakerSince = event.getCreationTime().toInstant());
    }

    /** What the node reports of this service: breaker state since when, and upstream health. */
    ServiceReport report(long nowNanos) {
        int healthy = 0;
        for (int i = 0; i < upstreams.size(); i++) {
            healthy += upstreams.healthy(i, nowNanos) ? 1 : 0;
        }
        return new ServiceReport(breaker.getState().name(), breakerSince, healthy, upstreams.size());
    }

    ServiceDefinition definition() {
        return definition;
    }

    Upstreams upstreams() {
        return upstreams;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** Compiled once per definition, not per captured request. */
    BodyMasker masker() {
        return masker;
    }

    /** Retries repeat a call; only methods that may be repeated safely get them. */
    int attemptsFor(String method) {
        return IDEMPOTENT.contains(method) ? 1 + definition.retries() : 1;
    }
}
