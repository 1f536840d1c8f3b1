package org.medops.integration.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A message as a source took it, already filtered and transformed: what the writer stores in one group commit.
 * {@code destinations} get a queue entry each when the status is {@link MessageStatus#QUEUED};
 * {@code duplicateWindow} (null: no check) makes a message with a control id the channel took within it a duplicate.
 */
public record Inbound(String channel, Instant receivedAt, String raw, String controlId, String messageType,
                      MessageStatus status, String transformed, String error, List<String> destinations,
                      Duration duplicateWindow) {

    public Inbound {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }
}
