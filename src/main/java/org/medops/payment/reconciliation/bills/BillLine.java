package org.medops.payment.reconciliation.bills;

import java.time.Instant;

/**
 * One line of a bill, whoever wrote it (the channel or the HIS), in fen. A payment is keyed by the merchant's order
 * number, a refund by its refund number (and the order it refunds); {@code reference} is the writer's own number (the
 * channel's transaction number, the HIS's serial).
 */
public record BillLine(Kind kind, String outTradeNo, String outRefundNo, String reference, long amountFen,
                       long feeFen, State state, Instant at) {

    public enum Kind { PAY, REFUND }

    /** SUCCESS: money moved; REVOKED / CLOSED: the channel lists the order but it did not (or no longer) count. */
    public enum State { SUCCESS, REVOKED, CLOSED }

    public BillLine {
        outTradeNo = blankToNull(outTradeNo);
        outRefundNo = blankToNull(outRefundNo);
        reference = blankToNull(reference);
    }

    /** The number this line is matched by: the refund number of a refund, else the order number. */
    public String key() {
        return kind == Kind.REFUND && outRefundNo != null ? outRefundNo : outTradeNo;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
