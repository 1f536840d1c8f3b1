package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.Band;
import org.medops.reporting.contracts.Contract;

/**
 * A contract year's scorecards: each quarter's total, the average of the finalised ones, the band it falls in
 * ({@code paymentPercent} 100, 95, 85 or 50 by seed 001), the failing quarters — below the failing band, or failed
 * outright by a discipline breach or safety accident — and the warning when two quarters fail (the hospital may end
 * the contract).
 */
record YearSummary(int contractYear, String contract, List<QuarterLine> quarters, BigDecimal average,
                   BigDecimal bandScore, Integer paymentPercent, List<String> failingQuarters,
                   boolean twoFailuresWarning, List<String> conductOverrides, int maxTotal, boolean maxTotalDiffers) {

    static final int FAILURES_TO_TERMINATE = 2;

    /** {@code status} null: the quarter has no card yet. */
    record QuarterLine(String quarter, Long scorecardId, Scorecard.Status status, BigDecimal total, boolean failed,
                       boolean overridden) {
    }

    static YearSummary of(Contract contract, List<Scorecard> cards) {
        Map<Quarter, Scorecard> byQuarter = cards.stream().collect(Collectors.toMap(Scorecard::quarter,
                Function.identity()));
        List<QuarterLine> lines = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        List<BigDecimal> finalTotals = new ArrayList<>();
        for (Quarter q = Quarter.of(contract.startsOn()); !q.first().isAfter(contract.endsOn()); q = q.next()) {
            Scorecard card = byQuarter.get(q);
            if (card == null) {
                lines.add(new QuarterLine(q.toString(), null, null, null, false, false));
                continue;
            }
            boolean failed = card.failed(contract);
            boolean overridden = !card.overrides().isEmpty();
            lines.add(new QuarterLine(q.toString(), card.id(), card.status(), card.total(), failed, overridden));
            if (card.status() == Scorecard.Status.FINAL) {
                finalTotals.add(card.total());
                if (failed) {
                    failing.add(q.toString());
                }
                if (overridden) {
                    overrides.add(q.toString());
                }
            }
        }
        BigDecimal average = finalTotals.isEmpty() ? null : finalTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(finalTotals.size()), 1, RoundingMode.HALF_UP);
        BigDecimal bandScore = average == null ? null : contract.bandScore(average);
        Integer percent = average == null ? null : Band.of(contract.bands(), bandScore).paymentPercent();
        return new YearSummary(contract.year(), contract.name(), lines, average, bandScore, percent, failing,
                failing.size() >= FAILURES_TO_TERMINATE, overrides, contract.maxTotal(), contract.maxTotal() != 100);
    }
}
