package org.medops.catalog;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/**
 * A service, channel or grant changed; {@code configVersion} is the version that carries it to the
 * gateway nodes.
 */
public record CatalogChanged(String action, String targetType, String targetId, List<FieldChange> changes,
                             long configVersion) implements AuditableEvent {
}
