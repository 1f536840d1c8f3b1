package org.medops.payment.orders;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** An order closed or refunded by a person or a channel: the audit trail records it. */
record OrderAudit(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static OrderAudit of(String action, String outTradeNo, List<FieldChange> changes) {
        return new OrderAudit(action, "payment-order", outTradeNo, changes);
    }
}
