package org.medops.reporting.reports;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A report left the platform as a file: who took which period in which format. */
record ReportExported(String targetId, String format) implements AuditableEvent {

    @Override
    public String action() {
        return "service-report.export";
    }

    @Override
    public String targetType() {
        return "service-report";
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("reportFormat", format));
    }
}
