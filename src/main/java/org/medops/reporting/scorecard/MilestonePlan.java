package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.Milestone;

/**
 * The contract's payment milestones as finance and the vendor read them: each one's amount, and on the final
 * payment the scorecard's deduction — (100 − paymentPercent) % of the total fee (seed 001's notes 3 and 4), at most
 * the final payment itself — and what remains payable. Until a card is finalised the deduction is not known.
 */
record MilestonePlan(int contractYear, String contract, BigDecimal fee, Integer paymentPercent,
                     BigDecimal deduction, List<Line> milestones) {

    record Line(long id, String name, LocalDate due, Integer servicePercent, BigDecimal sharePercent,
                String requiredRecords, boolean finalPayment, BigDecimal amount, BigDecimal deduction,
                BigDecimal payable, LocalDate invoiceReceivedOn, LocalDate paidOn, BigDecimal paidAmount) {
    }

    static MilestonePlan of(Contract contract, List<Milestone> milestones, Integer paymentPercent) {
        BigDecimal deduction = paymentPercent == null ? null : contract.fee()
                .multiply(BigDecimal.valueOf(100 - paymentPercent)).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP);
        List<Line> lines = milestones.stream().map(m -> {
            BigDecimal amount = m.amount(contract.fee());
            BigDecimal off = m.finalPayment() && deduction != null ? deduction.min(amount) : null;
            return new Line(m.id(), m.name(), m.due(contract), m.servicePercent(), m.sharePercent(),
                    m.requiredRecords(), m.finalPayment(), amount, off, off == null ? (m.finalPayment() ? null : amount)
                    : amount.subtract(off), m.invoiceReceivedOn(), m.paidOn(), m.paidAmount());
        }).toList();
        return new MilestonePlan(contract.year(), contract.name(), contract.fee(), paymentPercent, deduction, lines);
    }
}
