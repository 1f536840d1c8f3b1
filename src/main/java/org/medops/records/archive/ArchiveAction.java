package org.medops.records.archive;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A document was archived, edited, given a new version or signed; a handover package was exported. */
record ArchiveAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static ArchiveAction document(String action, long id, List<FieldChange> changes) {
        return new ArchiveAction(action, "records-document", String.valueOf(id), changes);
    }
}
