package org.medops.payment.reconciliation;

/** What kind of difference a mismatch is; the console's label is {@code recon.category.<name>}. */
public enum Category {
    /** The HIS (or, without HIS records, the platform) booked it, the channel has no such line: 短款. */
    HIS_ONLY,
    /** The channel has it, the HIS did not book it: 长款. */
    CHANNEL_ONLY,
    /** Both have it with different amounts; for refunds too, also refunds of one order summing differently. */
    AMOUNT_MISMATCH,
    /** Two successful payments for one HIS bill, known from the platform's orders. */
    DUPLICATE_PAYMENT,
    /** Paid on one side, closed or revoked on the other. */
    STATUS_MISMATCH
}
