package org.medops.reporting.contracts;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Someone set up a contract, changed its items, or recorded a milestone's invoice or payment. */
record ContractAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {
}
