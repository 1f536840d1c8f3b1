package org.medops.signature;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A document was signed or a signature verified (with its result); a signer's key was issued. */
public record SignatureAction(String action, String targetType, String targetId, Outcome outcome,
                              List<FieldChange> changes) implements AuditableEvent {

    public SignatureAction {
        changes = List.copyOf(changes);
    }
}
