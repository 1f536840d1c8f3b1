package org.medops.inspection.rounds;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A round was started (by a person or a schedule) or finished as interrupted. */
record RoundAction(String action, String targetId, List<FieldChange> changes, String actor) implements AuditableEvent {

    @Override
    public String targetType() {
        return "inspection-round";
    }
}
