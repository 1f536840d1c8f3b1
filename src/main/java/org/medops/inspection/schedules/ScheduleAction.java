package org.medops.inspection.schedules;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A schedule was added, changed or deleted. */
record ScheduleAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "inspection-schedule";
    }
}
