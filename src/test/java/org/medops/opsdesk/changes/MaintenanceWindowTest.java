package org.medops.opsdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final MaintenanceWindow nightly = new MaintenanceWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), SHANGHAI);

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    boolean fits(String from, String to) {
        return nightly.contains(at(from), at(to));
    }

    @Nested
    class CrossingMidnight {

        @Test
        void aChangeFromLateEveningIntoTheNightFits() {
            assertThat(nightly.crossesMidnight()).isTrue();
            assertThat(fits("2026-09-30T23:00", "2026-10-01T02:30")).isTrue();
        }

        @Test
        void aChangeEntirelyAfterMidnightBelongsToTheWindowOpenedTheEveningBefore() {
            assertThat(fits("2026-10-01T01:00", "2026-10-01T03:00")).isTrue();
            assertThat(nightly.occurrenceContaining(at("2026-10-01T01:00"), at("2026-10-01T03:00")))
                    .hasValueSatisfying(opened -> assertThat(opened.toLocalDateTime())
                            .isEqualTo(LocalDateTime.parse("2026-09-30T22:00")));
        }

        @Test
        void aChangeEntirelyBeforeMidnightFits() {
            assertThat(fits("2026-10-01T22:15", "2026-10-01T23:45")).isTrue();
        }

        @Test
        void aChangeThatStartsInsideButEndsAfterSixIsRefused() {
            assertThat(fits("2026-10-01T04:00", "2026-10-01T06:30")).isFalse();
            assertThat(fits("2026-09-30T23:00", "2026-10-01T06:01")).isFalse();
        }

        @Test
        void aChangeThatStartsBeforeTheWindowOpensIsRefused() {
            assertThat(fits("2026-10-01T21:30", "2026-10-01T23:00")).isFalse();
        }

        @Test
        void aChangeInWorkingHoursIsRefused() {
            assertThat(fits("2026-10-01T10:00", "2026-10-01T11:00")).isFalse();
        }

        @Test
        void aChangeSpanningTwoWindowsIsRefusedEvenThoughBothEndsLieInWindows() {
            assertThat(fits("2026-09-30T23:00", "2026-10-01T23:00")).isFalse();
        }
    }

    @Nested
    class Boundaries {

        @Test
        void exactlyTheWholeWindowFits() {
            assertThat(fits("2026-10-01T22:00", "2026-10-02T06:00")).isTrue();
        }

        @Test
        void startingExactlyWhenTheWindowOpensFits() {
            assertThat(fits("2026-10-01T22:00", "2026-10-01T22:30")).isTrue();
        }

        @Test
        void endingExactlyWhenTheWindowClosesFits() {
            assertThat(fits("2026-10-02T05:00", "2026-10-02T06:00")).isTrue();
        }

        @Test
        void oneMinuteEitherSideIsRefused() {
            assertThat(fits("2026-10-01T21:59", "2026-10-01T22:30")).isFalse();
            assertThat(fits("2026-10-02T05:00", "2026-10-02T06:01")).isFalse();
        }

        @Test
        void aPeriodEndingBeforeItStartsNeverFits() {
            assertThat(fits("2026-10-01T23:00", "2026-10-01T22:30")).isFalse();
        }
    }

    @Nested
    class Zones {

        @Test
        void theWindowIsWallClockTimeInItsZoneWhateverTheInstantsSay() {
            // 14:00–16:00 UTC is 22:00–00:00 in Shanghai (UTC+8 all year, no daylight saving).
            assertThat(nightly.contains(Instant.parse("2026-10-01T14:00:00Z"), Instant.parse("2026-10-01T16:00:00Z")))
                    .isTrue();
            // 20:00–21:00 UTC is 04:00–05:00 the next morning in Shanghai; 22:00 UTC is already 06:00 there.
            assertThat(nightly.contains(Instant.parse("2026-10-01T20:00:00Z"), Instant.parse("2026-10-01T21:00:00Z")))
                    .isTrue();
            assertThat(nightly.contains(Instant.parse("2026-10-01T21:30:00Z"), Instant.parse("2026-10-01T22:30:00Z")))
                    .isFalse();
            assertThat(nightly.contains(Instant.parse("2026-10-01T02:00:00Z"), Instant.parse("2026-10-01T03:00:00Z")))
                    .isFalse();
        }

        @Test
        void shanghaiHasTheSameWindowLengthAllYearRound() {
            for (String day : new String[] {"2026-01-15", "2026-03-29", "2026-07-01", "2026-10-25", "2026-12-31"}) {
                assertThat(fits(day + "T22:00", LocalDateTime.parse(day + "T22:00").plusHours(8).toString())).isTrue();
            }
        }
    }

    @Nested
    class SameDayWindows {

        final MaintenanceWindow lunch = new MaintenanceWindow(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);

        @Test
        void aWindowThatDoesNotCrossMidnightEndsTheSameDay() {
            assertThat(lunch.crossesMidnight()).isFalse();
            assertThat(lunch.contains(at("2026-10-01T12:00"), at("2026-10-01T13:30"))).isTrue();
            assertThat(lunch.contains(at("2026-10-01T13:00"), at("2026-10-01T14:00"))).isFalse();
            assertThat(lunch.contains(at("2026-10-01T00:30"), at("2026-10-01T01:00"))).isFalse();
        }
    }
}
