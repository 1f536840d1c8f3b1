package org.medops.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

class ReportPeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Nested
    class Parsing {

        @Test
        void readsAQuarterAndAYear() {
            ReportPeriod q3 = ReportPeriod.parse(" 2026-q3 ");
            assertThat(q3.first()).isEqualTo(LocalDate.of(2026, 7, 1));
            assertThat(q3.last()).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(q3.annual()).isFalse();
            ReportPeriod year = ReportPeriod.parse("2028");
            assertThat(year.first()).isEqualTo(LocalDate.of(2028, 1, 1));
            assertThat(year.last()).isEqualTo(LocalDate.of(2028, 12, 31));
            assertThat(year.toString()).isEqualTo("2028");
        }

        @Test
        void refusesWhatIsNeitherWithAProblem() {
            for (String bad : new String[] {null, "", "2026-Q0", "2026-Q5", "2026-3", "Q3-2026", "1999", "2101"}) {
                assertThatThrownBy(() -> ReportPeriod.parse(bad)).as(String.valueOf(bad))
                        .isInstanceOf(ProblemException.class).hasMessage("report-period-invalid");
            }
        }
    }

    @Nested
    class Boundaries {

        @Test
        void theFourthQuarterEndsAtMidnightOfNewYearInTheHospitalsZone() {
            ReportPeriod q4 = ReportPeriod.parse("2026-Q4");
            assertThat(q4.end(SHANGHAI).toString()).isEqualTo("2026-12-31T16:00:00Z");
            assertThat(q4.next()).isEqualTo(ReportPeriod.parse("2027-Q1"));
            assertThat(ReportPeriod.parse("2027-Q1").previous()).isEqualTo(q4);
        }

        @Test
        void aLeapYearsFirstQuarterHoldsTheTwentyNinthOfFebruary() {
            assertThat(ReportPeriod.parse("2028-Q1").last()).isEqualTo(LocalDate.of(2028, 3, 31));
            assertThat(ReportPeriod.quarterOf(LocalDate.of(2028, 2, 29))).isEqualTo(ReportPeriod.parse("2028-Q1"));
        }

        @Test
        void aYearSplitsIntoItsFourQuartersAndAQuarterIsItsOwnOnlyPart() {
            assertThat(ReportPeriod.parse("2026").quarters()).extracting(ReportPeriod::toString)
                    .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
            assertThat(ReportPeriod.parse("2026-Q2").quarters()).containsExactly(ReportPeriod.parse("2026-Q2"));
        }

        @Test
        void aPeriodRunsUntilItsLastDayHasPassed() {
            ReportPeriod q3 = ReportPeriod.parse("2026-Q3");
            assertThat(q3.runningOn(LocalDate.of(2026, 9, 30))).isTrue();
            assertThat(q3.runningOn(LocalDate.of(2026, 10, 1))).isFalse();
            assertThat(q3.asContributorPeriod().label()).isEqualTo("2026-Q3");
        }
    }

    @Test
    void chartAxisStepsAreRound() {
        assertThat(ReportCharts.step(0)).isEqualTo(1);
        assertThat(ReportCharts.step(4)).isEqualTo(1);
        assertThat(ReportCharts.step(37)).isEqualTo(10);
        assertThat(ReportCharts.step(1234)).isEqualTo(500);
    }
}
