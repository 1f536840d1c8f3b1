package org.medops.integration.delivery;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Outgoing;

/**
 * Sends one message to a destination of its type (HTTP, FILE, CHANNEL); the worker chooses the sender by
 * {@code destination.type} and treats every result alike (delivered, retried, parked).
 */
interface Sender {

    /** {@code contentType} is what the body is: JSON when transformed, else the source's data type. */
    Result send(ChannelDocument.Destination destination, Outgoing message, String contentType)
            throws InterruptedException;

    /** The answer, or the reason there was none (connection refused, timed out). */
    record Result(int status, String body, String failure) {

        static Result delivered(String body) {
            return new Result(200, body, null);
        }

        static Result rejected(String body) {
            return new Result(400, body, null);
        }

        static Result failed(String failure) {
            return new Result(0, null, failure);
        }

        boolean delivered() {
            return failure == null && status >= 200 && status < 300;
        }

        /** The destination answered that this message is wrong: sending it again unchanged will not help much. */
        boolean rejected() {
            return failure == null && status >= 400 && status < 500 && status != 408 && status != 429;
        }

        String describe() {
            return failure != null ? failure : "HTTP " + status;
        }
    }
}
