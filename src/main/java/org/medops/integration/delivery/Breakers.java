package org.medops.integration.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.medops.integration.channels.ChannelDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per destination on this node (熔断; the lease holder writes its state into the lease, so every
 * node shows it): it opens after the configured failures in a row;
 * while open the destination's queue waits (the source keeps acknowledging), after the open time one message
 * probes (half-open). A rejection (4xx) means the partner is up and counts as a success here.
 */
@Component
public class Breakers {

    private static final Logger log = LoggerFactory.getLogger(Breakers.class);

    private final Map<String, Held> breakers = new ConcurrentHashMap<>();

    /** The state on this node: CLOSED, OPEN, HALF_OPEN, or UNKNOWN where no worker runs for the destination. */
    public String state(String channel, String destination) {
        Held held = breakers.get(key(channel, destination));
        return held == null ? "UNKNOWN" : held.breaker().getState().name();
    }

    CircuitBreaker of(String channel, ChannelDocument.Destination destination) {
        String key = key(channel, destination.name());
        Held held = breakers.compute(key, (k, existing) -> existing != null && existing.settings().equals(destination.breaker())
                ? existing : new Held(destination.breaker(), create(k, destination.breaker())));
        return held.breaker();
    }

    void forget(String channel, String destination) {
        breakers.remove(key(channel, destination));
    }

    private static CircuitBreaker create(String name, ChannelDocument.Breaker settings) {
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failures()).minimumNumberOfCalls(settings.failures())
                .failureRateThreshold(100).waitDurationInOpenState(settings.open())
                .permittedNumberOfCallsInHalfOpenState(1).automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        // Only the destination and the states: never content.
        breaker.getEventPublisher().onStateTransition(event -> log.info("Integration destination {}: breaker {}",
                name, event.getStateTransition()));
        return breaker;
    }

    private static String key(String channel, String destination) {
        return channel + "/" + destination;
    }

    private record Held(ChannelDocument.Breaker settings, CircuitBreaker breaker) {
    }
}
