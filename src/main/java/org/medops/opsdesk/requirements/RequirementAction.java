package org.medops.opsdesk.requirements;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone submitted, answered, scheduled, delivered or verified a requirement. */
record RequirementAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "requirement";
    }
}
