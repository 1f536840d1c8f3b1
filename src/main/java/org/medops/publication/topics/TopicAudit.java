package org.medops.publication.topics;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A draft written, approved, refused or withdrawn, or a photo stored: the audit trail records it. */
record TopicAudit(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    static TopicAudit of(String action, Topic topic, String key, List<FieldChange> changes) {
        return new TopicAudit(action, topic.path() + "/" + key, changes);
    }

    static List<FieldChange> of(List<FieldDiff> diffs) {
        return diffs.stream().map(d -> FieldChange.of(d.field(), d.before(), d.after())).toList();
    }

    @Override
    public String targetType() {
        return "publication-record";
    }
}
