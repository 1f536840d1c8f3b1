package org.medops.reporting.scorecard;

import org.medops.reporting.Quarter;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the three quarters before today's are scored from the demo's facts through the real draft; the middle
 * one has a deduction adjusted and one struck, each with its reason; all three are finalised.
 */
@Component
@Order(62)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class ScorecardsDemo implements DemoData {

    private static final String REVIEWER = "reviewer";

    private final ScorecardDesk desk;
    private final Scorecards cards;

    ScorecardsDemo(ScorecardDesk desk, Scorecards cards) {
        this.desk = desk;
        this.cards = cards;
    }

    @Override
    public String name() {
        return "reporting scorecards";
    }

    @Override
    public void seed() {
        if (!cards.recent(1).isEmpty()) {
            return;
        }
        Quarter last = desk.currentQuarter().previous();
        Quarter second = last.previous();
        Quarter third = second.previous();
        Scorecard oldest = desk.draft(third, REVIEWER);
        desk.finalize(oldest.id(), "信息科 赵敏", REVIEWER);
        Scorecard middle = desk.draft(second, REVIEWER);
        middle.deductions().stream().filter(d -> d.rule() == DeductionRule.UNANSWERED_CALL).findFirst()
                .ifPresent(d -> desk.adjust(middle.id(), d.id(), d.points().subtract(java.math.BigDecimal.ONE)
                        .max(java.math.BigDecimal.ZERO), "午间抽查电话系线路故障，经核实不计", REVIEWER));
        middle.deductions().stream().filter(d -> d.rule() == DeductionRule.COMPLAINT).findFirst()
                .ifPresent(d -> desk.strike(middle.id(), d.id(), "投诉经核实系院内交换机故障导致电话无法接通，非厂商责任", REVIEWER));
        desk.finalize(middle.id(), "信息科 赵敏", REVIEWER);
        Scorecard newest = desk.draft(last, REVIEWER);
        desk.finalize(newest.id(), "信息科 赵敏", REVIEWER);
    }
}
