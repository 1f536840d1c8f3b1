package org.medops.reporting.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.inspection.InspectionRounds;
import org.medops.opsdesk.ServiceFacts;
import org.medops.reporting.contracts.ScorecardItem;
import org.medops.reporting.facts.BackupFailure;
import org.medops.reporting.facts.Call;
import org.medops.reporting.facts.CallChannel;
import org.medops.reporting.facts.Extraction;
import org.medops.reporting.facts.Incident;
import org.medops.reporting.facts.IncidentKind;
import org.medops.reporting.facts.RecordedFacts;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Seed 001's rules against crafted facts, with the card's real Chinese texts. */
class ScorecardRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant T0 = Instant.parse("2026-07-10T02:00:00Z");
    static final ScorecardRules.Wording WORDS = wording();

    static ScorecardRules.Wording wording() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/reporting-scorecard");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return (key, args) -> source.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    static ServiceFacts.Outage outage(long id, long minutes) {
        return new ServiceFacts.Outage(id, "GD-2026-%06d".formatted(id), "HIS 门诊挂号中断", T0,
                T0.plus(Duration.ofMinutes(minutes)), false);
    }

    static BigDecimal sum(List<Deduction> deductions) {
        return deductions.stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Nested
    class ServerOutages {

        @Test
        void twentyMinutesIsAQuickRecoveryAndCostsNothing() {
            assertThat(ScorecardRules.outages(List.of(outage(1, 20)), WORDS)).isEmpty();
        }

        @Test
        void twentyOneMinutesCostsTwoForTheStartedHour() {
            List<Deduction> d = ScorecardRules.outages(List.of(outage(1, 21)), WORDS);
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.points()).isEqualByComparingTo("2");
                assertThat(x.itemCode()).isEqualTo("SERVER");
                assertThat(x.evidence()).isEqualTo("/opsdesk/tickets/1");
            });
        }

        @Test
        void twoHoursThirtyFiveCostsSixAndSaysSoInChinese() {
            Deduction d = ScorecardRules.outages(List.of(outage(123, 155)), WORDS).get(0);
            assertThat(d.points()).isEqualByComparingTo("6");
            assertThat(d.text()).isEqualTo("服务器端：工单 GD-2026-000123 业务中断 2 h 35 min → 超过 20 分钟按小时扣 2 分 × 3 = 6 分");
        }

        @Test
        void justUnderFiveHoursIsStillCountedByTheHour() {
            assertThat(sum(ScorecardRules.outages(List.of(outage(1, 299)), WORDS))).isEqualByComparingTo("10");
        }

        @Test
        void fiveHoursAndMoreInAllCapsAtFifteen() {
            assertThat(sum(ScorecardRules.outages(List.of(outage(1, 300)), WORDS))).isEqualByComparingTo("15");
            List<Deduction> many = ScorecardRules.outages(List.of(outage(1, 150), outage(2, 100), outage(3, 60),
                    outage(4, 15)), WORDS);
            assertThat(many).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(DeductionRule.SERVER_OUTAGE_CAP);
                assertThat(x.points()).isEqualByComparingTo("15");
                assertThat(x.text()).contains("GD-2026-000001、GD-2026-000002、GD-2026-000003").contains("5 h 10 min")
                        .doesNotContain("000004");
            });
            assertThat(sum(ScorecardRules.outages(List.of(outage(1, 24 * 60)), WORDS))).isEqualByComparingTo("15");
        }
    }

    @Nested
    class OtherItems {

        @Test
        void everyUnansweredCallCostsOneOnOneLine() {
            List<Call> calls = List.of(call(false), call(false), call(false));
            Deduction d = ScorecardRules.unanswered(calls, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), WORDS)
                    .get(0);
            assertThat(d.points()).isEqualByComparingTo("3");
            assertThat(d.text()).isEqualTo("值班：3 次未接听 → 3 分");
            assertThat(d.evidence()).isEqualTo("/reporting/calls?from=2026-07-01&to=2026-09-30");
            assertThat(ScorecardRules.unanswered(List.of(), LocalDate.MIN, LocalDate.MAX, WORDS)).isEmpty();
        }

        @Test
        void lateArrivalAndLateResolutionCostTwoEach() {
            List<Deduction> d = ScorecardRules.slaMisses(List.of(
                    new ServiceFacts.SlaMiss(7, "GD-7", "打印机", "ARRIVAL", T0),
                    new ServiceFacts.SlaMiss(7, "GD-7", "打印机", "RESOLUTION", T0)), WORDS);
            assertThat(d).extracting(Deduction::rule).containsExactly(DeductionRule.LATE_ARRIVAL, DeductionRule.UNRESOLVED);
            assertThat(sum(d)).isEqualByComparingTo("4");
            assertThat(d.get(0).text()).isEqualTo("技术支持：工单 GD-7「打印机」未及时到场 → 扣 2 分");
        }

        @Test
        void onlyMissedRoundsCostTwoUnderClientMaintenance() {
            List<Deduction> d = ScorecardRules.missedRounds(List.of(
                    new InspectionRounds.PlannedRound("季度巡检", T0, T0.plusSeconds(3600), "MISSED", null),
                    new InspectionRounds.PlannedRound("季度巡检", T0, T0.plusSeconds(3600), "DONE", 5L)), SHANGHAI, WORDS);
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.itemCode()).isEqualTo("CLIENT");
                assertThat(x.points()).isEqualByComparingTo("2");
                assertThat(x.text()).isEqualTo("日常客户端维护：巡检「季度巡检」（计划 2026-07-10）未按要求进行 → 扣 2 分");
            });
        }

        @Test
        void incidentsGoUnderTheirItemsAndABreachFailsTheQuarter() {
            List<Deduction> d = ScorecardRules.incidents(List.of(incident(IncidentKind.COMPLAINT, null),
                    incident(IncidentKind.CONDUCT, null), incident(IncidentKind.DISCIPLINE_BREACH, null),
                    incident(IncidentKind.DATA_SECURITY, new BigDecimal("12")), incident(IncidentKind.DATA_LEAK, null)),
                    WORDS);
            assertThat(d).extracting(Deduction::itemCode).containsExactly("ATTITUDE", "ETHICS", "ETHICS", "SECURITY",
                    "SECURITY");
            assertThat(d).extracting(x -> x.points().intValue()).containsExactly(1, 1, 0, 12, 40);
            assertThat(d).filteredOn(Deduction::failsQuarter).singleElement()
                    .satisfies(x -> assertThat(x.text()).contains("商业统方").endsWith("本季度考核不合格"));
        }

        @Test
        void attitudeCostsOneASafetyAccidentFailsTheQuarterAndADataSecurityIncidentCostsAtLeastTen() {
            List<Deduction> d = ScorecardRules.incidents(List.of(incident(IncidentKind.ATTITUDE, null),
                    incident(IncidentKind.SAFETY_ACCIDENT, null), incident(IncidentKind.DATA_SECURITY, null),
                    incident(IncidentKind.DATA_SECURITY, new BigDecimal("4"))), WORDS);
            assertThat(d).extracting(Deduction::itemCode).containsExactly("ATTITUDE", "SECURITY", "SECURITY",
                    "SECURITY");
            assertThat(d).extracting(Deduction::rule).containsExactly(DeductionRule.ATTITUDE,
                    DeductionRule.SAFETY_ACCIDENT, DeductionRule.DATA_SECURITY, DeductionRule.DATA_SECURITY);
            assertThat(d).extracting(x -> x.points().intValue()).as("less than ten is raised to the seed's minimum")
                    .containsExactly(1, 0, 10, 10);
            assertThat(d).filteredOn(Deduction::failsQuarter).singleElement()
                    .satisfies(x -> assertThat(x.rule()).isEqualTo(DeductionRule.SAFETY_ACCIDENT));
        }

        @Test
        void aWrongOrInaccurateExtractionCostsTwoAndBackupFailuresTenOnce() {
            QuarterFacts facts = new QuarterFacts(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), List.of(),
                    List.of(), List.of(), List.of(new ServiceFacts.Rework(3, "GD-3", "医嘱", "REOPENED", T0, "又坏了")),
                    new RecordedFacts.OfPeriod(List.of(), List.of(), List.of(
                            new Extraction(9, T0, "医务科", "医务科", "出院人数", LocalDate.of(2026, 7, 3), T0, "a.csv",
                                    new BigDecimal("96.5"), true, "陈", T0, "eng")),
                            List.of(new BackupFailure(1, 11, "HIS 数据库", "BACKUP_FRESHNESS", "30 h", T0),
                                    new BackupFailure(2, 12, "HIS 数据库", "BACKUP_COUNT", "3", T0))));
            List<Deduction> d = ScorecardRules.deduce(facts, ScorecardItem.seedDefaults(), SHANGHAI, WORDS);
            assertThat(d).extracting(Deduction::rule).containsExactlyInAnyOrder(DeductionRule.BACKUP_FAILURE,
                    DeductionRule.REWORK, DeductionRule.WRONG_EXTRACTION);
            assertThat(d).filteredOn(x -> x.rule() == DeductionRule.WRONG_EXTRACTION).singleElement()
                    .satisfies(x -> assertThat(x.text()).isEqualTo("数据统计与上报：数据提取 #9「出院人数」符合率 96.5%，低于 98% → 扣 2 分"));
            assertThat(sum(d)).isEqualByComparingTo("13");
        }

        @Test
        void deductionsUnderAnItemTheContractDroppedAreLeftOut() {
            List<ScorecardItem> items = new ArrayList<>(ScorecardItem.seedDefaults());
            items.removeIf(i -> i.code().equals("DUTY"));
            QuarterFacts facts = new QuarterFacts(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), List.of(),
                    List.of(), List.of(), List.of(), new RecordedFacts.OfPeriod(List.of(call(false)), List.of(),
                    List.of(), List.of()));
            assertThat(ScorecardRules.deduce(facts, items, SHANGHAI, WORDS)).isEmpty();
        }
    }

    static Call call(boolean answered) {
        return new Call(1, T0, "急诊科", "急诊科", CallChannel.PHONE, answered, null, null, false, "eng", T0);
    }

    static Incident incident(IncidentKind kind, BigDecimal points) {
        return new Incident(1, LocalDate.of(2026, 8, 1), kind, "放射科", "夜间无人接听", points, "rev", T0, 0);
    }
}
