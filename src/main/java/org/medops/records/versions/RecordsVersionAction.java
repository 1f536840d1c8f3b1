package org.medops.records.versions;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A version registered, a document uploaded, an upgrade drafted, revised, agreed, sent back or concluded. */
record RecordsVersionAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {
}
