package org.medops.dataops.requests;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A step of a data operation for the audit trail: the target and the counts, never the account or its secret. */
record DataOpAction(String action, String targetId, Outcome outcome, List<FieldChange> changes)
        implements AuditableEvent {

    @Override
    public String targetType() {
        return "dataops-request";
    }
}
