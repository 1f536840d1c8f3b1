package org.medops.publication.push;

import java.time.Instant;

/** One publication on its way to one subscription. */
record Delivery(long id, long subscriptionId, long version, Status status, int attempts, Instant nextAttemptAt,
                String lastError, Instant createdAt, Instant deliveredAt) {

    enum Status { PENDING, DELIVERED, DROPPED }

    /** One try, as the delivery log shows it. */
    record Attempt(long deliveryId, Instant at, Integer httpStatus, String error, int millis) {
    }
}
