package org.medops.dataops.requests;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/**
 * A step of a data operation for the audit trail: the target and the counts, never the account or its secret.
 * {@code actor} is set where no one signed in acts (the recovery at start); null means the signed-in user.
 */
record DataOpAction(String action, String targetId, Outcome outcome, List<FieldChange> changes, String actor)
        implements AuditableEvent {

    DataOpAction(String action, String targetId, Outcome outcome, List<FieldChange> changes) {
        this(action, targetId, outcome, changes, null);
    }

    @Override
    public String actor() {
        return actor != null ? actor : AuditableEvent.super.actor();
    }

    @Override
    public String targetType() {
        return "dataops-request";
    }
}
