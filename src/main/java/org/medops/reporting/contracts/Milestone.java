package org.medops.reporting.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A payment milestone (付款节点): due on a date or after a share of the service time, its share of the fee, the
 * records it requires (e.g. 半年运维记录, 考核表), and the invoice and payment. The final payment carries the
 * scorecard's deduction.
 */
public record Milestone(long id, long contractId, int position, String name, LocalDate dueOn, Integer servicePercent,
                        BigDecimal sharePercent, String requiredRecords, boolean finalPayment,
                        LocalDate invoiceReceivedOn, LocalDate paidOn, BigDecimal paidAmount) {

    public BigDecimal amount(BigDecimal fee) {
        return fee.multiply(sharePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** When a service-time milestone falls due: that share of the contract's days after its start. */
    public LocalDate due(Contract contract) {
        if (dueOn != null || servicePercent == null) {
            return dueOn;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(contract.startsOn(), contract.endsOn()) + 1;
        return contract.startsOn().plusDays(Math.round(days * servicePercent / 100.0) - 1);
    }
}
