package org.medops.records.archive;

import java.time.LocalDate;

import org.medops.shared.ProblemException;

/**
 * The period a handover package covers, both days included. Seed 004 pays 50 % at the start, 30 % at half time
 * against the half-year maintenance records and 20 % at the end against the complete records: those two packages are
 * presets over the contract's start and length.
 */
record HandoverPeriod(LocalDate from, LocalDate to, Preset preset) {

    enum Preset { CUSTOM, HALF_YEAR, FINAL }

    static final int MAX_DAYS = 3660;

    HandoverPeriod {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalid("archive-handover-period", MAX_DAYS);
        }
    }

    /** The first half of the contract, or all of it; {@code months} is the contract's length. */
    static HandoverPeriod of(Preset preset, LocalDate contractStart, Integer months) {
        int length = months == null ? 12 : months;
        if (contractStart == null || length < 2 || length > 120) {
            throw ProblemException.invalid("archive-handover-contract");
        }
        LocalDate end = preset == Preset.HALF_YEAR ? contractStart.plusMonths(length / 2)
                : contractStart.plusMonths(length);
        return new HandoverPeriod(contractStart, end.minusDays(1), preset);
    }
}
