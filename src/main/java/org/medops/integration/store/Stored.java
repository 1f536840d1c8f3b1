package org.medops.integration.store;

/** The stored message: its id, final status and, for a duplicate, the message it repeats. */
public record Stored(long id, MessageStatus status, Long duplicateOf) {

    public boolean duplicate() {
        return duplicateOf != null;
    }
}
