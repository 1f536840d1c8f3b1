package org.medops.integration.store;

import java.time.Instant;

/** One message in a list: no content, so nothing to mask. */
public record MessageRow(long id, String channel, MessageStatus status, String controlId, String messageType,
                         Instant receivedAt) {
}
