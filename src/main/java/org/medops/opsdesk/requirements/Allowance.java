package org.medops.opsdesk.requirements;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.medops.shared.ProblemException;

/**
 * How much of the contract year's free person-days are spent, and whether some more fit. {@code used}
 * counts every accepted requirement of the year; a requirement's own days are replaced, not added twice.
 */
record Allowance(int year, BigDecimal perRequest, BigDecimal perYear, BigDecimal used) {

    /** The contract year a date falls in, named by the calendar year it starts in. */
    static int contractYear(LocalDate date, int yearStartsInMonth) {
        return date.getMonthValue() >= yearStartsInMonth ? date.getYear() : date.getYear() - 1;
    }

    BigDecimal remaining() {
        return perYear.subtract(used).max(BigDecimal.ZERO);
    }

    /**
     * Refuses person-days over the per-request limit or over what the year has left.
     *
     * @param alreadyCounted the days this requirement already counts in {@code used} (0 when new to the year)
     */
    void check(BigDecimal days, BigDecimal alreadyCounted) {
        if (days.signum() < 0) {
            throw ProblemException.invalid("person-days-negative");
        }
        if (days.compareTo(perRequest) > 0) {
            throw ProblemException.invalid("allowance-per-request-exceeded", shown(days), shown(perRequest));
        }
        BigDecimal others = used.subtract(alreadyCounted);
        if (others.add(days).compareTo(perYear) > 0) {
            throw ProblemException.conflict("allowance-total-exceeded", shown(days),
                    shown(perYear.subtract(others).max(BigDecimal.ZERO)), shown(perYear), Integer.toString(year));
        }
    }

    /** Person-days as people write them: 2, not 2.0. */
    static String shown(BigDecimal days) {
        return days.signum() == 0 ? "0" : days.stripTrailingZeros().toPlainString();
    }
}
