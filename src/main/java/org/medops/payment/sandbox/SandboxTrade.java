package org.medops.payment.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One order the sandbox holds, as the channel would: its state, the payer, the refunds against it. */
final class SandboxTrade {

    enum State { NOTPAY, SUCCESS, CLOSED, REFUND }

    final String mchId;
    final String subMchId;
    final String appId;
    final String outTradeNo;
    final String tradeType;
    final String description;
    final long total;
    final String openId;
    final String notifyUrl;
    final Instant createdAt;
    final String prepayId;
    State state = State.NOTPAY;
    String transactionId;
    Instant successTime;
    final List<Refund> refunds = new ArrayList<>();

    SandboxTrade(String mchId, String subMchId, String appId, String outTradeNo, String tradeType, String description,
                 long total, String openId, String notifyUrl, Instant createdAt, String prepayId) {
        this.mchId = mchId;
        this.subMchId = subMchId;
        this.appId = appId;
        this.outTradeNo = outTradeNo;
        this.tradeType = tradeType;
        this.description = description;
        this.total = total;
        this.openId = openId;
        this.notifyUrl = notifyUrl;
        this.createdAt = createdAt;
        this.prepayId = prepayId;
    }

    long refunded() {
        return refunds.stream().filter(r -> !"ABNORMAL".equals(r.status)).mapToLong(r -> r.amount).sum();
    }

    static final class Refund {
        final String outRefundNo;
        final String refundId;
        final long amount;
        final String reason;
        final String notifyUrl;
        final Instant createdAt;
        String status = "PROCESSING";
        Instant successTime;

        Refund(String outRefundNo, String refundId, long amount, String reason, String notifyUrl, Instant createdAt) {
            this.outRefundNo = outRefundNo;
            this.refundId = refundId;
            this.amount = amount;
            this.reason = reason;
            this.notifyUrl = notifyUrl;
            this.createdAt = createdAt;
        }
    }
}
