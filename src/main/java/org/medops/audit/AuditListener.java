package org.medops.audit;

import java.time.Clock;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns every auditable event into a record. Synchronous on purpose: it runs in the publisher's
 * transaction, so no change commits without its trace.
 */
@Component
class AuditListener {

    static final String MASK = "******";

    private final AuditTrail trail;
    private final Clock clock;

    AuditListener(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @EventListener
    void on(AuditableEvent event) {
        trail.append(clock.instant(), clip(actor(event), 64), clip(clientIp(), 64), clip(event.action(), 64),
                clip(event.targetType(), 64), clip(event.targetId(), 256), event.outcome().name(), summary(event));
    }

    private static String actor(AuditableEvent event) {
        if (event.actor() != null) {
            return event.actor();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return org.medops.shared.ClientAddress.normalise(request.getRemoteAddr());
        }
        return null;
    }

    /** Over-long input (a 300-character path, a pasted essay as username) is recorded cut, never refused. */
    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static String summary(AuditableEvent event) {
        String summary = event.changes().stream()
                .filter(FieldChange::changed)
                .map(AuditListener::describe)
                .collect(Collectors.joining("; "));
        return summary.isEmpty() ? null : summary;
    }

    private static String describe(FieldChange change) {
        if (change.secret()) {
            return change.field() + ": " + MASK;
        }
        if (change.before() == null) {
            return change.field() + "=" + change.after();
        }
        return change.field() + ": " + change.before() + " → " + change.after();
    }
}
