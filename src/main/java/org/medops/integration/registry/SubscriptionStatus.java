package org.medops.integration.registry;

import java.util.Set;

import org.medops.shared.ProblemException;

/**
 * A subscription's life: requested (PENDING), approved (ACTIVE: a destination on the publishing channel), suspended
 * (the destination removed, the subscription kept), rejected or cancelled (final).
 */
enum SubscriptionStatus {
    PENDING, ACTIVE, SUSPENDED, REJECTED, CANCELLED;

    /** Whether the subscriber has a destination on the channel in this state. */
    boolean receives() {
        return this == ACTIVE;
    }

    /** The state after {@code step}, or a conflict when the step does not apply in this state. */
    SubscriptionStatus after(String step) {
        SubscriptionStatus next = switch (step) {
            case "approve" -> this == PENDING ? ACTIVE : null;
            case "reject" -> this == PENDING ? REJECTED : null;
            case "suspend" -> this == ACTIVE ? SUSPENDED : null;
            case "resume" -> this == SUSPENDED ? ACTIVE : null;
            case "cancel" -> Set.of(PENDING, ACTIVE, SUSPENDED).contains(this) ? CANCELLED : null;
            default -> null;
        };
        if (next == null) {
            throw ProblemException.conflict("integration-subscription-state", step, name());
        }
        return next;
    }
}
