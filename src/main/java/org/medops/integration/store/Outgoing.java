package org.medops.integration.store;

/** What a destination is sent: the transformed content when there is one, else the raw message. */
public record Outgoing(long id, String channel, String controlId, String raw, String transformed) {

    public boolean isTransformed() {
        return transformed != null;
    }

    public String body() {
        return transformed != null ? transformed : raw;
    }
}
