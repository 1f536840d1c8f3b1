package org.medops.remoteaccess.windows;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A window asked for, decided or ended, or an act refused outside a window: the audit trail records it. */
record RemoteAudit(String action, String targetType, String targetId, Outcome outcome, List<FieldChange> changes)
        implements AuditableEvent {

    static RemoteAudit ofWindow(String action, long id, List<FieldChange> changes) {
        return new RemoteAudit(action, "remote-window", String.valueOf(id), Outcome.SUCCESS, changes);
    }

    /** A remote vendor account tried to act with no window open. */
    static RemoteAudit refused(String username, String method, String path) {
        return new RemoteAudit("remote.refused", "user", username, Outcome.DENIED,
                List.of(FieldChange.set("request", method + " " + path)));
    }
}
