package org.medops.integration.devices;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A device interface was marked, changed or unmarked, or one of its messages was read unmasked. */
record DeviceAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-device-interface";
    }
}
