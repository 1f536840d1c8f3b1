package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.Band;
import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.ScorecardItem;
import org.medops.shared.ProblemException;

/**
 * A quarter's card: the contract's items as they were when it was drafted and the deductions under them. An item
 * scores its points less its active deductions, never below zero; a deduction-only item takes from the total. Once
 * finalised the card is frozen: every change is refused with 409.
 */
record Scorecard(long id, long contractId, Quarter quarter, Status status, List<ScorecardItem> items,
                 List<Deduction> deductions, String createdBy, Instant createdAt, Signature signature) {

    /** The nominal total of seed 001's card; a card whose items give less says so. */
    static final int NOMINAL_TOTAL = 100;

    enum Status { DRAFT, FINAL }

    /** Who finalised the card, when, and the SHA-256 of its canonical content. */
    record Signature(String username, String name, Instant at, String content, String hash) {
    }

    void requireDraft() {
        if (status == Status.FINAL) {
            throw ProblemException.conflict("reporting-scorecard-final", quarter.toString());
        }
    }

    Deduction deduction(long deductionId) {
        return deductions.stream().filter(d -> d.id() == deductionId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("reportingDeduction", deductionId));
    }

    ScorecardItem item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("reporting-item-unknown", String.valueOf(code)));
    }

    BigDecimal deducted(String itemCode) {
        return deductions.stream().filter(d -> d.active() && d.itemCode().equals(itemCode)).map(Deduction::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal score(ScorecardItem item) {
        return item.deductionOnly() ? deducted(item.code()).negate()
                : BigDecimal.valueOf(item.maxPoints()).subtract(deducted(item.code())).max(BigDecimal.ZERO);
    }

    /** The points the card gives: scored items less the deduction-only items' deductions, at least zero. */
    BigDecimal total() {
        return items.stream().map(this::score).reduce(BigDecimal.ZERO, BigDecimal::add).max(BigDecimal.ZERO)
                .stripTrailingZeros();
    }

    int maxTotal() {
        return items.stream().mapToInt(ScorecardItem::maxPoints).sum();
    }

    /** The active deductions that fail the quarter whatever the points (discipline breach, safety accident). */
    List<Deduction> overrides() {
        return deductions.stream().filter(d -> d.active() && d.failsQuarter()).toList();
    }

    boolean failed(Contract contract) {
        return contract.band(total()).failing() || !overrides().isEmpty();
    }

    View view(Contract contract) {
        List<View.Item> lines = new ArrayList<>();
        for (ScorecardItem item : items) {
            String criteria = contract.items().stream().filter(i -> i.code().equals(item.code()))
                    .map(ScorecardItem::criteria).findFirst().orElse("");
            lines.add(new View.Item(item.code(), item.name(), criteria, item.deductionOnly() ? null
                    : item.maxPoints(), item.deductionOnly(), score(item).stripTrailingZeros(),
                    deductions.stream().filter(d -> d.itemCode().equals(item.code())).toList()));
        }
        Band band = contract.band(total());
        return new View(id, quarter.toString(), status, contract.year(), lines, total(), maxTotal(), NOMINAL_TOTAL,
                maxTotal() != NOMINAL_TOTAL, contract.bandBasis().name(), contract.bandScore(total()),
                band.paymentPercent(), failed(contract), overrides().stream().map(Deduction::text).toList(),
                signature == null ? null : new View.Signed(signature.name(), signature.username(), signature.at(),
                        signature.hash()));
    }

    /**
     * The card as the API and the page show it: {@code total} is what the items really give; {@code maxTotal} their
     * maximum, {@code maxTotalDiffers} when that is not the nominal 100; {@code bandScore} what the bands compare.
     */
    record View(long id, String quarter, Status status, int contractYear, List<Item> items, BigDecimal total,
                int maxTotal, int nominalTotal, boolean maxTotalDiffers, String bandBasis, BigDecimal bandScore,
                int paymentPercent, boolean failed, List<String> failReasons, Signed signed) {

        record Item(String code, String name, String criteria, Integer maxPoints, boolean deductionOnly,
                    BigDecimal score, List<Deduction> deductions) {
        }

        record Signed(String name, String username, Instant at, String hash) {
        }
    }
}
