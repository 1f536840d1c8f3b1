package org.medops.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.medops.shared.AuditableEvent.Outcome;
import org.medops.shared.FieldChange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What callers who have not signed in may write to the audit trail when they are refused: per client IP
 * and minute, the first {@code medops.security.anonymous-audit-per-minute} refusals (default 10) become
 * {@code access.denied} records as actor {@code anonymous}; the rest are only counted (metric
 * {@code medops.audit.anonymous.suppressed}) and summed up in one {@code access.denied.summary} record per
 * IP and minute. Without this, anyone on the network could grow the append-only trail at will.
 */
@Component
@ConditionalOnWebApplication
class AnonymousDenials {

    static final String ACTOR = "anonymous";
    /** Beyond this many client IPs in one minute, the rest share one window: memory stays bounded. */
    private static final int MAX_CLIENTS = 10_000;
    private static final String OTHERS = "*";
    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int perMinute;
    private final Counter suppressedCounter;
    private final Map<String, Window> windows = new HashMap<>();

    AnonymousDenials(ApplicationEventPublisher events, Clock clock, ObjectProvider<MeterRegistry> meters,
                     @Value("${medops.security.anonymous-audit-per-minute:10}") int perMinute) {
        this.events = events;
        this.clock = clock;
        this.perMinute = perMinute;
        MeterRegistry registry = meters.getIfAvailable();
        this.suppressedCounter = registry == null ? null : Counter.builder("medops.audit.anonymous.suppressed")
                .description("Refusals of unauthenticated callers counted but not written to the audit trail")
                .register(registry);
    }

    static boolean anonymous(Authentication authentication) {
        return authentication == null || TRUST.isAnonymous(authentication);
    }

    /** One refusal of a caller who has not signed in; {@code reason} says which check refused. */
    void refused(HttpServletRequest request, String reason) {
        String ip = request.getRemoteAddr();
        long minute = clock.millis() / 60_000;
        boolean record;
        Window closed = null;
        synchronized (windows) {
            String key = windows.containsKey(ip) || windows.size() < MAX_CLIENTS ? ip : OTHERS;
            Window window = windows.get(key);
            if (window != null && window.minute != minute) {
                windows.remove(key);
                closed = window.suppressed > 0 ? window : null;
                window = null;
            }
            if (window == null) {
                window = new Window(key, minute);
                windows.put(key, window);
            }
            record = window.recorded < perMinute;
            if (record) {
                window.recorded++;
            } else {
                window.suppressed++;
            }
        }
        if (closed != null) {
            summarize(closed);
        }
        if (record) {
            events.publishEvent(new IdentityAudit("access.denied", "path",
                    request.getMethod() + " " + request.getRequestURI(), Outcome.DENIED,
                    List.of(FieldChange.set("reason", reason)), ACTOR));
        } else if (suppressedCounter != null) {
            suppressedCounter.increment();
        }
    }

    /** Windows of past minutes that suppressed something get their summary even if that IP never returns. */
    @Scheduled(fixedDelayString = "${medops.security.anonymous-audit-sweep:15s}")
    void sweep() {
        long minute = clock.millis() / 60_000;
        List<Window> closed = new ArrayList<>();
        synchronized (windows) {
            for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
                Window window = it.next();
                if (window.minute != minute) {
                    it.remove();
                    if (window.suppressed > 0) {
                        closed.add(window);
                    }
                }
            }
        }
        closed.forEach(this::summarize);
    }

    private void summarize(Window window) {
        Instant from = Instant.ofEpochMilli(window.minute * 60_000);
        events.publishEvent(new IdentityAudit("access.denied.summary", "client", window.client, Outcome.DENIED,
                List.of(FieldChange.set("suppressed", window.suppressed), FieldChange.set("from", from),
                        FieldChange.set("until", from.plusSeconds(60))), ACTOR));
    }

    private static final class Window {
        final String client;
        final long minute;
        int recorded;
        int suppressed;

        Window(String client, long minute) {
            this.client = client;
            this.minute = minute;
        }
    }
}
