package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One deduction of a card: under an item, by a rule, its points, readable text and evidence link. {@code
 * failsQuarter} marks a breach that fails the quarter whatever the points. A struck deduction stays on the card
 * with who struck it and why.
 */
record Deduction(long id, String itemCode, DeductionRule rule, BigDecimal points, String text, String evidence,
                 boolean failsQuarter, String addedBy, String reason, boolean struck, String struckReason,
                 String struckBy, Instant struckAt) {

    static Deduction of(String item, DeductionRule rule, BigDecimal points, String text, String evidence) {
        return new Deduction(0, item, rule, points, text, evidence, false, null, null, false, null, null, null);
    }

    static Deduction failing(String item, DeductionRule rule, String text, String evidence) {
        return new Deduction(0, item, rule, BigDecimal.ZERO, text, evidence, true, null, null, false, null, null, null);
    }

    boolean active() {
        return !struck;
    }
}
