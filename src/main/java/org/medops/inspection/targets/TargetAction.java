package org.medops.inspection.targets;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A target was added, changed or retired; secrets appear only as "changed". */
record TargetAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "inspection-target";
    }
}
