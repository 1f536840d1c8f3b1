package org.medops.integration.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.medops.integration.transform.Processed;

/**
 * A message as a source took it, already filtered and transformed: what the writer stores in one group commit.
 * {@code destinations} get a queue entry each when the status is {@link MessageStatus#QUEUED};
 * {@code duplicateWindow} (null: no check) makes a message with a control id the channel took within it a duplicate;
 * {@code laneKeys} holds, per parallel destination, the message's key value (its entry's lane); {@code routes} say
 * what destinations with a stage of their own made of it (filtered: not queued); {@code receivedBytes} (null unless
 * the channel keeps them) are the bytes exactly as the source took them, stored in the message's row.
 */
public record Inbound(String channel, Instant receivedAt, String raw, String controlId, String messageType,
                      MessageStatus status, String transformed, String error, List<String> destinations,
                      Duration duplicateWindow, Map<String, String> laneKeys, List<Processed.Route> routes,
                      byte[] receivedBytes) {

    public Inbound {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        laneKeys = laneKeys == null ? Map.of() : Map.copyOf(laneKeys);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    public Inbound(String channel, Instant receivedAt, String raw, String controlId, String messageType,
                   MessageStatus status, String transformed, String error, List<String> destinations,
                   Duration duplicateWindow, Map<String, String> laneKeys, List<Processed.Route> routes) {
        this(channel, receivedAt, raw, controlId, messageType, status, transformed, error, destinations, duplicateWindow,
                laneKeys, routes, null);
    }

    public Inbound(String channel, Instant receivedAt, String raw, String controlId, String messageType,
                   MessageStatus status, String transformed, String error, List<String> destinations,
                   Duration duplicateWindow) {
        this(channel, receivedAt, raw, controlId, messageType, status, transformed, error, destinations, duplicateWindow,
                Map.of(), List.of());
    }

    /** The same message keeping the bytes the source received (a device interface's evidence). */
    public Inbound keeping(byte[] bytes) {
        return new Inbound(channel, receivedAt, raw, controlId, messageType, status, transformed, error, destinations,
                duplicateWindow, laneKeys, routes, bytes == null ? null : bytes.clone());
    }

    Processed.Route route(String destination) {
        return routes.stream().filter(r -> r.destination().equals(destination)).findFirst()
                .orElse(new Processed.Route(destination, false, null));
    }
}
