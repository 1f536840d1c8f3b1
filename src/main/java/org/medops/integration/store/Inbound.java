package org.medops.integration.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message as a source took it, already filtered and transformed: what the writer stores in one group commit.
 * {@code destinations} get a queue entry each when the status is {@link MessageStatus#QUEUED};
 * {@code duplicateWindow} (null: no check) makes a message with a control id the channel took within it a duplicate;
 * {@code laneKeys} holds, per parallel destination, the message's key value (its entry's lane).
 */
public record Inbound(String channel, Instant receivedAt, String raw, String controlId, String messageType,
                      MessageStatus status, String transformed, String error, List<String> destinations,
                      Duration duplicateWindow, Map<String, String> laneKeys) {

    public Inbound {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        laneKeys = laneKeys == null ? Map.of() : Map.copyOf(laneKeys);
    }

    public Inbound(String channel, Instant receivedAt, String raw, String controlId, String messageType,
                   MessageStatus status, String transformed, String error, List<String> destinations,
                   Duration duplicateWindow) {
        this(channel, receivedAt, raw, controlId, messageType, status, transformed, error, destinations, duplicateWindow,
                Map.of());
    }
}
