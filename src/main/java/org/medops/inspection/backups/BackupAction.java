package org.medops.inspection.backups;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A backup was taken (or failed), checked, pruned, or the plan changed. */
record BackupAction(String action, String targetId, List<FieldChange> changes, Outcome outcome, String actor)
        implements AuditableEvent {

    @Override
    public String targetType() {
        return "inspection-backup";
    }
}
