package org.medops.opsdesk.defects;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone reported a defect, recorded its progress or linked a ticket to it. */
record DefectAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "defect";
    }
}
