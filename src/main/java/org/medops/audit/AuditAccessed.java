package org.medops.audit;

import org.medops.shared.AuditableEvent;

/** Reading the trail is itself traced: exports and verifications leave a record. */
record AuditAccessed(String action, String targetId) implements AuditableEvent {

    @Override
    public String targetType() {
        return "audit";
    }
}
