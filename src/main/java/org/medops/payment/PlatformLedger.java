package org.medops.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The platform's own books for reconciliation: every payment and refund of one merchant that reached a final state
 * on one business day (Asia/Shanghai unless configured), streamed so that a busy day never sits in memory. The orders
 * feature implements it over its tables; reconciliation reads it for the three-way check, two successful payments
 * for one HIS bill (DUPLICATE_PAYMENT) and orders the platform closed that the channel took money for
 * (STATUS_MISMATCH).
 */
public interface PlatformLedger {

    /** Calls {@code sink} once per entry, in no particular order; answers how many there were. */
    long stream(String merchantCode, LocalDate businessDate, Consumer<Entry> sink);

    enum Kind { PAY, REFUND }

    /** SUCCESS: paid or refunded; CLOSED: the order was closed unpaid; REFUNDED: a paid order since refunded in full. */
    enum Status { SUCCESS, CLOSED, REFUNDED }

    /**
     * @param outTradeNo  the platform's order number sent to the channel
     * @param outRefundNo the refund number for a refund, else null
     * @param hisBillNo   the HIS bill the order pays
     * @param amountFen   the order's or refund's amount in fen
     * @param at          when it reached its state
     */
    record Entry(String outTradeNo, String outRefundNo, String hisBillNo, Kind kind, long amountFen, Status status,
                 Instant at) {
    }
}
