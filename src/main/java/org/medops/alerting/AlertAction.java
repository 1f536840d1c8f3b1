package org.medops.alerting;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A person created a rule, or acknowledged or resolved an alert. */
record AlertAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {
}
