package org.medops.integration.critical;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/**
 * A step of a critical value's loop (recorded, acknowledged, handled, closed, escalated) or a change of its rules
 * and contacts; {@code actor} is set for the steps the engine takes on its own.
 */
record CriticalAction(String action, String targetId, List<FieldChange> changes, String actor) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-critical-value";
    }
}
