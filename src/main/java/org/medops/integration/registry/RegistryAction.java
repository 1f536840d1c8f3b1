package org.medops.integration.registry;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A service was registered, changed or retired, or a subscription requested, decided, suspended, resumed or cancelled. */
record RegistryAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static RegistryAction service(String action, String code, List<FieldChange> changes) {
        return new RegistryAction(action, "integration-service", code, changes);
    }

    static RegistryAction subscription(String action, long id, List<FieldChange> changes) {
        return new RegistryAction(action, "integration-subscription", String.valueOf(id), changes);
    }
}
