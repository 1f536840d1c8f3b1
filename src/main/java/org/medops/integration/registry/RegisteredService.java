package org.medops.integration.registry;

import java.time.Instant;

/** One registered service or topic as stored. */
record RegisteredService(String code, String name, String systemCode, ServiceKind kind, String messageType,
                         String messageVersion, String schemaText, String owner, ServiceStatus status, String channel,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public boolean retired() {
        return status == ServiceStatus.RETIRED;
    }

    public boolean ownedBy(String username) {
        return owner != null && owner.equals(username);
    }
}
