package org.medops.inspection.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.opsdesk.calendar.HolidayTable;
import org.medops.opsdesk.HolidayCalendar;
import org.medops.shared.ProblemException;

/** The date arithmetic of schedules, against the real 2026 holiday table MedOps ships. */
class ScheduleArithmeticTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static HolidayEves eves2026() throws IOException {
        try (InputStream in = ScheduleArithmeticTest.class.getResourceAsStream("/opsdesk/holidays-CN-2026.csv")) {
            HolidayTable table = HolidayTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new HolidayEves(WEEKDAYS, table.days().stream().map(d -> new HolidayCalendar.Day(d.date(),
                    d.kind() == org.medops.opsdesk.calendar.CalendarDay.Kind.HOLIDAY, d.name())).toList(), Set.of(2026));
        }
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Nested
    class HolidayEvesOf2026 {

        @Test
        void everyHolidayPeriodOfTheYearHasTheWorkingDayBeforeIt() throws IOException {
            List<HolidayEves.Eve> eves = eves2026().all();
            assertThat(eves).extracting(HolidayEves.Eve::holiday)
                    .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
            assertThat(eves).extracting(HolidayEves.Eve::eve).containsExactly(
                    LocalDate.of(2025, 12, 31),  // New Year: Thursday 1 January, the eve is Wednesday
                    LocalDate.of(2026, 2, 14),   // Spring Festival: the make-up Saturday is the last day worked
                    LocalDate.of(2026, 4, 3),    // Qingming: Saturday to Monday, so Friday
                    LocalDate.of(2026, 4, 30),   // May Day
                    LocalDate.of(2026, 6, 18),   // Dragon Boat
                    LocalDate.of(2026, 9, 24),   // Mid-Autumn
                    LocalDate.of(2026, 9, 30));  // National Day, apart from Mid-Autumn by three working days
        }

        @Test
        void aPeriodRunsFromItsFirstToItsLastHoliday() throws IOException {
            HolidayEves.Eve springFestival = eves2026().all().get(1);
            assertThat(springFestival.firstDay()).isEqualTo(LocalDate.of(2026, 2, 15));
            assertThat(springFestival.lastDay()).isEqualTo(LocalDate.of(2026, 2, 23));
        }

        @Test
        void makeUpDaysWorkAndHolidaysDoNot() throws IOException {
            HolidayEves eves = eves2026();
            assertThat(eves.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // Saturday, 调休
            assertThat(eves.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();  // Thursday, National Day
            assertThat(eves.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();  // Saturday, 调休
            assertThat(eves.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse(); // Sunday
        }
    }

    @Nested
    class Rules {

        @Test
        void theSeedsHolidaysScheduleTheirRoundsOnTheirEves() throws IOException {
            ScheduleRule rule = new ScheduleRule(null, true, List.of("劳动节", "国庆", "春节"), LocalTime.of(9, 30));
            List<Occurrence> year = rule.occurrences(at("2026-01-01T00:00"), at("2027-01-01T00:00"), SHANGHAI, eves2026());
            assertThat(year).extracting(Occurrence::dueAt)
                    .containsExactly(at("2026-02-14T09:30"), at("2026-04-30T09:30"), at("2026-09-30T09:30"));
            assertThat(year.get(2).holiday()).isEqualTo("国庆节");
            assertThat(year.get(2).windowStart()).isEqualTo(at("2026-09-30T00:00"));
            assertThat(year.get(2).windowEnd()).isEqualTo(at("2026-10-01T00:00"));
        }

        @Test
        void noHolidayNamedMeansEveryHoliday() throws IOException {
            ScheduleRule rule = new ScheduleRule(null, true, List.of(), null);
            assertThat(rule.occurrences(at("2026-01-01T00:00"), at("2027-01-01T00:00"), SHANGHAI, eves2026()))
                    .hasSize(6);
            assertThat(rule.eveTime()).isEqualTo(LocalTime.of(9, 0));
        }

        @Test
        void theNextOccurrenceIsTheEarlierOfCronAndEve() throws IOException {
            ScheduleRule quarterlyAndEves = new ScheduleRule("0 9 1 1,4,7,10 *", true, List.of("劳动节"), null);
            HolidayEves eves = eves2026();
            assertThat(quarterlyAndEves.next(at("2026-04-02T00:00"), SHANGHAI, eves)).contains(at("2026-04-30T09:00"));
            assertThat(quarterlyAndEves.next(at("2026-04-30T09:00"), SHANGHAI, eves)).contains(at("2026-07-01T09:00"));
            assertThat(quarterlyAndEves.next(at("2026-03-31T12:00"), SHANGHAI, eves)).contains(at("2026-04-01T09:00"));
        }

        @Test
        void withoutNextYearsTableOnlyTheCronRuleKnowsWhatComes() throws IOException {
            HolidayEves eves = eves2026();
            assertThat(new ScheduleRule(null, true, List.of(), null).next(at("2026-12-03T10:00"), SHANGHAI, eves)).isEmpty();
            assertThat(new ScheduleRule("@daily", true, List.of(), null).next(at("2026-12-03T10:00"), SHANGHAI, eves))
                    .contains(at("2026-12-04T00:00"));
        }

        @Test
        void cronOccurrencesCountForTheirWindowUntilTheNextOne() throws IOException {
            List<Occurrence> quarters = new ScheduleRule("0 9 1 1,4,7,10 *", false, List.of(), null)
                    .occurrences(at("2026-01-01T00:00"), at("2027-01-01T00:00"), SHANGHAI, eves2026());
            assertThat(quarters).extracting(Occurrence::dueAt).containsExactly(at("2026-01-01T09:00"),
                    at("2026-04-01T09:00"), at("2026-07-01T09:00"), at("2026-10-01T09:00"));
            assertThat(quarters.get(3).windowEnd()).isEqualTo(at("2027-01-01T09:00"));
        }

        @Test
        void aRuleThatNeverFallsDueOrCannotBeReadIsRefused() {
            assertThatThrownBy(() -> new ScheduleRule(" ", false, null, null).checked())
                    .isInstanceOf(ProblemException.class).hasMessage("inspection-schedule-rule-missing");
            assertThatThrownBy(() -> new ScheduleRule("every day", false, null, null).checked())
                    .isInstanceOf(ProblemException.class).hasMessage("inspection-schedule-cron-invalid");
            assertThat(new ScheduleRule("0 0 8 * * MON-FRI", false, null, null).checked().cron()).isNotNull();
        }
    }
}
