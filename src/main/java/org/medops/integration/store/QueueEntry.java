package org.medops.integration.store;

import java.time.Instant;
import java.time.LocalDate;

/** The head of a destination's queue, locked by the worker's transaction. */
public record QueueEntry(long seq, long messageId, LocalDate receivedDay, int attempts, Instant nextAttemptAt) {

    public MessageId message() {
        return new MessageId(messageId, receivedDay);
    }
}
