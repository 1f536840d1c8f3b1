package org.medops.reporting.facts;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone logged or completed a service fact: a call, visit, training, incident, evidence or data extraction. */
record FactAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {
}
