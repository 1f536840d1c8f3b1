package org.medops.integration.delivery;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone reprocessed a stored message. */
record MessageAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-message";
    }
}
