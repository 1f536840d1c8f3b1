package org.medops.integration.store;

import org.medops.integration.transform.Processed;

/** Where a message is: stored, dropped by the filter (or a duplicate), waiting in a queue, delivered everywhere, or failed. */
public enum MessageStatus {
    RECEIVED, FILTERED, QUEUED, SENT, ERRORED;

    /** What a message becomes after its filter and transformer ran: queued for its destinations, filtered, or errored. */
    public static MessageStatus after(Processed.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> QUEUED;
            case FILTERED -> FILTERED;
            case FAILED -> ERRORED;
        };
    }
}
