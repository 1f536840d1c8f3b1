package org.medops.payment.orders;

import java.time.Instant;

/** An order as the API answers it: the payer masked. */
record OrderView(String outTradeNo, String merchant, String channel, String businessType, String hisBillNo,
                 long amountFen, long refundedFen, String payer, String status, String tradeType, String transactionId,
                 String prepayId, String codeUrl, Instant createdAt, Instant expiresAt, Instant paidAt,
                 Instant closedAt) {

    static OrderView of(PaymentOrder o) {
        return new OrderView(o.outTradeNo(), o.merchant(), o.channel().name(), o.businessType().name(), o.hisBillNo(),
                o.amountFen(), o.refundedFen(), o.maskedPayer(), o.status().name(), o.tradeType(), o.transactionId(),
                o.prepayId(), o.codeUrl(), o.createdAt(), o.expiresAt(), o.paidAt(), o.closedAt());
    }
}
