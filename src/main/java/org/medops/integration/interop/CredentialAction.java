package org.medops.integration.interop;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/**
 * A system's interop credential was issued or revoked, or a caller of the interop port was refused ({@code DENIED},
 * the presented username as the actor; never the password).
 */
record CredentialAction(String action, String targetId, Outcome outcome, List<FieldChange> changes, String actor)
        implements AuditableEvent {

    @Override
    public String targetType() {
        return "integration-system-credential";
    }
}
