package org.medops.integration.store;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone ran retention now. */
record RetentionAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-retention";
    }
}
