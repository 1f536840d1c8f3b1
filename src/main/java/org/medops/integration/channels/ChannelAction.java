package org.medops.integration.channels;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A channel document was saved or reverted, or the channel enabled or disabled. */
record ChannelAction(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-channel";
    }
}
