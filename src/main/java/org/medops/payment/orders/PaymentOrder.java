package org.medops.payment.orders;

import java.time.Instant;

import org.medops.payment.PaymentChannel;

/** An order as stored. Payer identifiers are shown masked ({@link #maskedPayer()}) everywhere but to the channel. */
record PaymentOrder(long id, String outTradeNo, String merchant, PaymentChannel channel, BusinessType businessType,
                    String hisBillNo, long amountFen, long refundedFen, String payerId, String payerName,
                    String campus, String department, String description, String tradeType, OrderStatus status,
                    String transactionId, String prepayId, String codeUrl, String caller, Instant createdAt,
                    Instant expiresAt, Instant paidAt, Instant closedAt) {

    long refundableFen() {
        return status == OrderStatus.PAID ? amountFen - refundedFen : 0;
    }

    /** 张*丰 · oUpF8u…2cjM: enough for the finance office to tell payers apart, not to identify them. */
    public String maskedPayer() {
        return maskName(payerName) + (payerName == null ? "" : " · ") + maskId(payerId);
    }

    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (name.length() == 1) {
            return "*";
        }
        if (name.length() == 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }

    static String maskId(String id) {
        if (id == null) {
            return "";
        }
        return id.length() <= 8 ? "****" : id.substring(0, 4) + "****" + id.substring(id.length() - 4);
    }
}
