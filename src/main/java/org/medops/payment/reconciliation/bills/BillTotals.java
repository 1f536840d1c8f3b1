package org.medops.payment.reconciliation.bills;

/** What a bill held: lines, payments and refunds with their sums in fen, and the fees the channel kept. */
public record BillTotals(long lines, long payments, long paymentFen, long refunds, long refundFen, long feeFen) {

    static final BillTotals NONE = new BillTotals(0, 0, 0, 0, 0, 0);

    BillTotals plus(BillLine line) {
        boolean pay = line.kind() == BillLine.Kind.PAY && line.state() == BillLine.State.SUCCESS;
        boolean refund = line.kind() == BillLine.Kind.REFUND;
        return new BillTotals(lines + 1, payments + (pay ? 1 : 0), paymentFen + (pay ? line.amountFen() : 0),
                refunds + (refund ? 1 : 0), refundFen + (refund ? line.amountFen() : 0), feeFen + line.feeFen());
    }
}
