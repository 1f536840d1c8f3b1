package org.medops.payment.merchants;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A merchant registered or changed, a key uploaded or a routing rule set: the audit trail records it. */
record MerchantAudit(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static MerchantAudit ofMerchant(String action, String code, List<FieldChange> changes) {
        return new MerchantAudit(action, "payment-merchant", code, changes);
    }
}
