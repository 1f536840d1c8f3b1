package org.medops.integration.delivery;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Outgoing;

/**
 * Sends one message to one kind of destination. A worker keeps its senders for its whole life, so an
 * implementation may hold pooled or kept-open connections; {@link #close()} ends them when the worker stops.
 */
public interface Sender extends AutoCloseable {

    Result send(ChannelDocument.Destination destination, Outgoing message) throws InterruptedException;

    @Override
    default void close() {
    }

    /**
     * What became of one attempt: delivered; rejected (the partner answered that this message is wrong: retried
     * {@code retry.rejections} times, then parked); or failed (no usable answer: retried forever with backoff).
     * {@code response} is stored with the delivery (an HTTP body, an ACK); {@code error} says why it was not delivered.
     */
    record Result(Outcome outcome, String response, String error) {

        public enum Outcome { DELIVERED, REJECTED, FAILED }

        public static Result delivered(String response) {
            return new Result(Outcome.DELIVERED, response, null);
        }

        public static Result rejected(String response, String error) {
            return new Result(Outcome.REJECTED, response, error);
        }

        public static Result failed(String response, String error) {
            return new Result(Outcome.FAILED, response, error);
        }

        public boolean delivered() {
            return outcome == Outcome.DELIVERED;
        }

        public boolean rejected() {
            return outcome == Outcome.REJECTED;
        }

        public String body() {
            return response;
        }

        public String describe() {
            return error != null ? error : outcome.name().toLowerCase();
        }
    }

    /** Opens the sender of one destination type ({@code destination.type}) for a worker. */
    interface Kind {

        String type();

        Sender open();
    }
}
