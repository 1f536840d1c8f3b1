package org.medops.payment.reconciliation;

/** How finance handled a mismatch; the console's label is {@code recon.resolution.<name>}. */
public enum Resolution {
    /** 补单: the missing booking was made (the HIS or the platform catches up with the channel). */
    SUPPLEMENT,
    /** 退款: the money was given back to the payer (a duplicate or an unbooked payment). */
    REFUND,
    /** 调账: the books were adjusted to the channel's amount. */
    ADJUST,
    /** 线下处理: settled outside the system (cash, bank transfer), with a note of how. */
    OFFLINE
}
