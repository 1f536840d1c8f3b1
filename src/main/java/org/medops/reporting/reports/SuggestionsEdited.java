package org.medops.reporting.reports;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A report's suggestions were written or changed; {@code targetId} is the period. */
record SuggestionsEdited(String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String action() {
        return "service-report.suggestions";
    }

    @Override
    public String targetType() {
        return "service-report";
    }
}
