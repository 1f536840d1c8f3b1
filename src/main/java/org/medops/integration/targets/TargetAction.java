package org.medops.integration.targets;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A JDBC target was saved, deleted or its connection tested. */
record TargetAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-jdbc-target";
    }
}
