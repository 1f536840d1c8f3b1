package org.medops.gateway;

/** A gateway node is serving on {@code port}; published once per node start. */
public record GatewayStarted(String nodeId, int port) {
}
