package org.medops.opsdesk.changes;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone requested, authorized, refused, carried out or cancelled a change. */
record ChangeAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "change";
    }
}
