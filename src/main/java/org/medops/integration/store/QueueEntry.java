package org.medops.integration.store;

import java.time.Instant;
import java.time.LocalDate;

/** An entry of a destination's queue (lane), as read by the lease holder. */
public record QueueEntry(long seq, long messageId, LocalDate receivedDay, int attempts, Instant nextAttemptAt) {

    public MessageId message() {
        return new MessageId(messageId, receivedDay);
    }

    public boolean dueAt(Instant now) {
        return !nextAttemptAt.isAfter(now);
    }
}
