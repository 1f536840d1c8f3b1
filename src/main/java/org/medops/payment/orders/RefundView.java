package org.medops.payment.orders;

import java.time.Instant;

record RefundView(String outRefundNo, String outTradeNo, long amountFen, String reason, String status, String refundId,
                  Instant createdAt, Instant succeededAt) {

    static RefundView of(PaymentRefund r) {
        return new RefundView(r.outRefundNo(), r.outTradeNo(), r.amountFen(), r.reason(), r.status(), r.refundId(),
                r.createdAt(), r.succeededAt());
    }
}
