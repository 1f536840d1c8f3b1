package org.medops.reporting.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.Band;
import org.medops.reporting.contracts.BandBasis;
import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.Milestone;
import org.medops.reporting.contracts.ScorecardItem;
import org.medops.shared.ProblemException;

/** A card's arithmetic, the bands, the year's summary and the final payment's deduction. */
class ScorecardTest {

    static final Contract CONTRACT = contract(BandBasis.AS_SCORED);

    static Contract contract(BandBasis basis) {
        return new Contract(1, 2026, "运维合同", "厂商", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                new BigDecimal("1000000"), basis, ScorecardItem.seedDefaults(), Band.seedDefaults());
    }

    static Deduction deduction(long id, String item, String points) {
        return new Deduction(id, item, DeductionRule.MANUAL, new BigDecimal(points), "扣分", null, false, null, null,
                false, null, null, null);
    }

    static Scorecard card(String quarter, Scorecard.Status status, Deduction... deductions) {
        return new Scorecard(1, 1, Quarter.parse(quarter), status, ScorecardItem.seedDefaults(), List.of(deductions),
                "rev", Instant.EPOCH, null);
    }

    @Nested
    class Bands {

        @Test
        void justBelowNinetyIsTheNinetyFivePercentBand() {
            assertThat(Band.of(Band.seedDefaults(), new BigDecimal("89.9")).paymentPercent()).isEqualTo(95);
            assertThat(Band.of(Band.seedDefaults(), new BigDecimal("90")).paymentPercent()).isEqualTo(100);
            assertThat(Band.of(Band.seedDefaults(), new BigDecimal("80")).paymentPercent()).isEqualTo(95);
            assertThat(Band.of(Band.seedDefaults(), new BigDecimal("79.9")).paymentPercent()).isEqualTo(85);
            assertThat(Band.of(Band.seedDefaults(), new BigDecimal("60")).failing()).isFalse();
            Band below = Band.of(Band.seedDefaults(), new BigDecimal("59.9"));
            assertThat(below.paymentPercent()).isEqualTo(50);
            assertThat(below.failing()).isTrue();
        }

        @Test
        void theSeedsItemsGiveNinetySevenAndTheContractSaysHowBandsApply() {
            assertThat(CONTRACT.maxTotal()).isEqualTo(97);
            BigDecimal scored = new BigDecimal("87.5");
            assertThat(CONTRACT.band(scored).paymentPercent()).isEqualTo(95);
            Contract scaled = contract(BandBasis.SCALED_TO_100);
            assertThat(scaled.bandScore(scored)).isEqualByComparingTo("90.2");
            assertThat(scaled.band(scored).paymentPercent()).isEqualTo(100);
        }
    }

    @Nested
    class Card {

        @Test
        void anItemNeverGoesBelowZeroAndDataSecurityTakesFromTheTotal() {
            Scorecard card = card("2026-Q3", Scorecard.Status.DRAFT, deduction(1, "DUTY", "14"),
                    deduction(2, "SERVER", "6"), deduction(3, "SECURITY", "10"));
            Scorecard.View view = card.view(CONTRACT);
            assertThat(view.items()).filteredOn(i -> i.code().equals("DUTY")).singleElement()
                    .satisfies(i -> assertThat(i.score()).isEqualByComparingTo("0"));
            assertThat(view.total()).isEqualByComparingTo("71"); // 97 − 10 − 6 − 10
            assertThat(view.maxTotal()).isEqualTo(97);
            assertThat(view.maxTotalDiffers()).isTrue();
            assertThat(view.paymentPercent()).isEqualTo(85);
            assertThat(view.failed()).isFalse();
        }

        @Test
        void aStruckDeductionNoLongerCounts() {
            Deduction struck = new Deduction(1, "SERVER", DeductionRule.SERVER_OUTAGE, new BigDecimal("6"), "t", null,
                    false, null, null, true, "误报", "rev", Instant.EPOCH);
            assertThat(card("2026-Q3", Scorecard.Status.DRAFT, struck).total()).isEqualByComparingTo("97");
        }

        @Test
        void aDisciplineBreachFailsTheQuarterWhateverThePoints() {
            Deduction breach = new Deduction(1, "ETHICS", DeductionRule.DISCIPLINE_BREACH, BigDecimal.ZERO, "商业统方",
                    null, true, null, null, false, null, null, null);
            Scorecard card = card("2026-Q3", Scorecard.Status.DRAFT, breach);
            assertThat(card.total()).isEqualByComparingTo("97");
            assertThat(card.failed(CONTRACT)).isTrue();
            assertThat(card.view(CONTRACT).failReasons()).containsExactly("商业统方");
        }

        @Test
        void aFinalCardRefusesChanges() {
            assertThatThrownBy(() -> card("2026-Q3", Scorecard.Status.FINAL).requireDraft())
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.code()).isEqualTo("reporting-scorecard-final");
                        assertThat(e.status().value()).isEqualTo(409);
                    });
        }
    }

    @Nested
    class Year {

        @Test
        void averagesTheFinalQuartersAndFindsTheBand() {
            YearSummary summary = YearSummary.of(CONTRACT, List.of(
                    card("2026-Q1", Scorecard.Status.FINAL, deduction(1, "DUTY", "2")),
                    card("2026-Q2", Scorecard.Status.FINAL, deduction(2, "SERVER", "10")),
                    card("2026-Q3", Scorecard.Status.DRAFT, deduction(3, "SERVER", "20"))));
            assertThat(summary.quarters()).extracting(YearSummary.QuarterLine::quarter)
                    .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
            assertThat(summary.average()).isEqualByComparingTo("91"); // (95 + 87) / 2; the draft does not count
            assertThat(summary.paymentPercent()).isEqualTo(100);
            assertThat(summary.twoFailuresWarning()).isFalse();
        }

        @Test
        void twoFailingQuartersWarnThatTheHospitalMayEndTheContract() {
            List<Scorecard> cards = new ArrayList<>();
            cards.add(card("2026-Q1", Scorecard.Status.FINAL, deduction(1, "SERVER", "20"), deduction(2, "SUPPORT", "12"),
                    deduction(3, "DUTY", "10")));
            cards.add(card("2026-Q2", Scorecard.Status.FINAL));
            assertThat(YearSummary.of(CONTRACT, cards).failingQuarters()).containsExactly("2026-Q1");
            assertThat(YearSummary.of(CONTRACT, cards).twoFailuresWarning()).isFalse();
            cards.add(card("2026-Q3", Scorecard.Status.FINAL, new Deduction(4, "ETHICS", DeductionRule.DISCIPLINE_BREACH,
                    BigDecimal.ZERO, "商业统方", null, true, null, null, false, null, null, null)));
            YearSummary two = YearSummary.of(CONTRACT, cards);
            assertThat(two.failingQuarters()).containsExactly("2026-Q1", "2026-Q3");
            assertThat(two.conductOverrides()).containsExactly("2026-Q3");
            assertThat(two.twoFailuresWarning()).isTrue();
        }

        @Test
        void theFinalPaymentCarriesTheDeductionOfTheTotalFee() {
            List<Milestone> milestones = List.of(
                    new Milestone(1, 1, 0, "首期", null, 50, new BigDecimal("50"), "半年记录", false, null, null, null),
                    new Milestone(2, 1, 1, "尾款", LocalDate.of(2027, 1, 30), null, new BigDecimal("50"), "年报", true, null,
                            null, null));
            MilestonePlan plan = MilestonePlan.of(CONTRACT, milestones, 95);
            assertThat(plan.deduction()).isEqualByComparingTo("50000");
            assertThat(plan.milestones().get(0).due()).isEqualTo(LocalDate.of(2026, 7, 2));
            assertThat(plan.milestones().get(0).payable()).isEqualByComparingTo("500000");
            assertThat(plan.milestones().get(1).deduction()).isEqualByComparingTo("50000");
            assertThat(plan.milestones().get(1).payable()).isEqualByComparingTo("450000");
            assertThat(MilestonePlan.of(CONTRACT, milestones, null).milestones().get(1).payable()).isNull();
        }
    }
}
