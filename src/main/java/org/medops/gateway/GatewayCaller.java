package org.medops.gateway;

/**
 * The channel the gateway admitted for a call it forwarded to a built-in service, and the call's request id (the
 * gateway's access-log row has the same id).
 */
public record GatewayCaller(String channel, String requestId) {
}
