package org.medops.payment.reconciliation;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A day reconciled, a mismatch resolved, a day closed: the audit trail records each. */
record ReconciliationAudit(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static ReconciliationAudit ofRun(String action, long run, List<FieldChange> changes) {
        return new ReconciliationAudit(action, "recon-run", String.valueOf(run), changes);
    }

    static ReconciliationAudit ofMismatch(long mismatch, List<FieldChange> changes) {
        return new ReconciliationAudit("recon.mismatch.resolve", "recon-mismatch", String.valueOf(mismatch), changes);
    }
}
