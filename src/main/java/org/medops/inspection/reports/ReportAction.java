package org.medops.inspection.reports;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A report was edited or signed. */
record ReportAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "inspection-report";
    }
}
