package org.medops.settings;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** The platform settings changed; {@code changes} lists each field with its old and new value. */
public record SettingsChanged(List<FieldChange> changes) implements AuditableEvent {

    @Override
    public String action() {
        return "settings.update";
    }

    @Override
    public String targetType() {
        return "settings";
    }

    @Override
    public String targetId() {
        return "platform";
    }
}
