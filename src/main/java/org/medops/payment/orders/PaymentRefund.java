package org.medops.payment.orders;

import java.time.Instant;

/** A refund against an order; {@code status} as the channel reports it (PROCESSING, SUCCESS, ABNORMAL, CLOSED). */
record PaymentRefund(long id, String outRefundNo, String outTradeNo, long amountFen, String reason, String status,
                     String refundId, String requestedBy, Instant createdAt, Instant succeededAt) {

    boolean failed() {
        return "ABNORMAL".equals(status) || "CLOSED".equals(status);
    }
}
