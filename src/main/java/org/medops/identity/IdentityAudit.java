package org.medops.identity;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** Something happened to an account, a role or a session; the audit trail records it. */
record IdentityAudit(String action, String targetType, String targetId, Outcome outcome,
                     List<FieldChange> changes, String actor) implements AuditableEvent {

    static IdentityAudit ofUser(String action, String username, List<FieldChange> changes) {
        return new IdentityAudit(action, "user", username, Outcome.SUCCESS, changes, null);
    }

    static IdentityAudit ofRole(String action, String code, List<FieldChange> changes) {
        return new IdentityAudit(action, "role", code, Outcome.SUCCESS, changes, null);
    }

    /** A sign-in attempt: the actor is the name typed in, known or not. */
    static IdentityAudit login(String action, String username, Outcome outcome, String reason) {
        List<FieldChange> details = reason == null ? List.of() : List.of(FieldChange.set("reason", reason));
        return new IdentityAudit(action, "session", username, outcome, details, username);
    }
}
