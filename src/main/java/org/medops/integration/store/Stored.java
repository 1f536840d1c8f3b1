package org.medops.integration.store;

import java.time.LocalDate;

/** The stored message: its id, the day partition it lives in, final status and, for a duplicate, the message it repeats. */
public record Stored(long id, LocalDate receivedDay, MessageStatus status, Long duplicateOf) {

    public boolean duplicate() {
        return duplicateOf != null;
    }

    public MessageId messageId() {
        return new MessageId(id, receivedDay);
    }
}
