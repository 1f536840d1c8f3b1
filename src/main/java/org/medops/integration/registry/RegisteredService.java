package org.medops.integration.registry;

import java.time.Instant;

/** One registered service or topic as stored; a SERVICE is called at its {@code endpoint} (the publishing system's). */
record RegisteredService(String code, String name, String systemCode, ServiceKind kind, String messageType,
                         String messageVersion, String schemaText, String owner, ServiceStatus status, String channel,
                         String endpoint, Integer timeoutMs, Instant createdAt, String createdBy, Instant updatedAt,
                         String updatedBy) {

    /** How long a call waits for the publishing system when the service does not say. */
    static final int DEFAULT_TIMEOUT_MS = 5_000;

    /** The timeout a call of this service waits. */
    public int timeout() {
        return timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
    }

    public boolean retired() {
        return status == ServiceStatus.RETIRED;
    }

    public boolean ownedBy(String username) {
        return owner != null && owner.equals(username);
    }
}
