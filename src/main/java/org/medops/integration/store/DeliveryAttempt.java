package org.medops.integration.store;

import java.time.Instant;

/**
 * What one send of a queue entry did, to be recorded with the others of its batch: {@code next} is when a
 * {@link Outcome#RETRY} is due again (null otherwise).
 */
public record DeliveryAttempt(QueueEntry entry, Outcome outcome, String sent, String response, String error,
                              Instant next, Instant at) {

    public enum Outcome {
        /** 2xx: the entry leaves the queue. */
        SENT,
        /** Not delivered: the entry stays at its place and waits. */
        RETRY,
        /** Rejected too often (dead letter): the entry leaves the queue, the message is errored. */
        PARKED;

        String deliveryStatus() {
            return switch (this) {
                case SENT -> "SENT";
                case RETRY -> "QUEUED";
                case PARKED -> "ERRORED";
            };
        }
    }

    boolean leavesQueue() {
        return outcome != Outcome.RETRY;
    }
}
