package org.medops.integration.interop;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A route of the interoperability interfaces was set or removed. */
record RouteAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-interop-route";
    }
}
