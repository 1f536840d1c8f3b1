package org.medops.payment.orders;

/** An order's state; label {@code payment.orderStatus.<name>}. */
enum OrderStatus {
    /** Created at the channel, waiting for the payer. */
    PENDING,
    /** Paid; may be partly refunded. */
    PAID,
    /** Closed unpaid, by the caller or because it stayed unpaid too long. */
    CLOSED,
    /** Paid and refunded in full. */
    REFUNDED
}
