package org.medops.integration.registry;

import java.time.Instant;

/** A system's subscription to a topic: where its copy goes ({@code delivery}, a channel destination's JSON). */
record Subscription(long id, String serviceCode, String systemCode, String delivery, String filter,
                    SubscriptionStatus status, Instant requestedAt, String requestedBy, Instant decidedAt,
                    String decidedBy, Instant activeSince, Instant updatedAt, String updatedBy) {

    /** The name of its destination on the publishing channel. */
    String destination() {
        return destinationName(id);
    }

    static String destinationName(long id) {
        return "sub-" + id;
    }
}
