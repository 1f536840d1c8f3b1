package org.medops.records.projects;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A project was created, a milestone completed, an extension proposed or agreed. */
record ProjectAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "records-project";
    }
}
