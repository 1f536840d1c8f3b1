package org.medops.records.plans;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A plan written, revised or reviewed; a drill recorded. */
record RecordsPlanAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {
}
