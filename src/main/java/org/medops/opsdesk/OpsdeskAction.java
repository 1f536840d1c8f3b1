package org.medops.opsdesk;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A desk-wide step that is not on one aggregate (a policy, a calendar, a system, an export), for the audit trail. */
public record OpsdeskAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {
}
