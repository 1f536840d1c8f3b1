package org.medops.opsdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medops.opsdesk.calendar.TestCalendars.at;
import static org.medops.opsdesk.calendar.TestCalendars.local;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

/** Business-time arithmetic on Mon–Fri 08:00–18:00 with the real 2026 holiday table. */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = TestCalendars.standard();

    private String plus(String start, int minutes) {
        return local(calendar.plus(at(start), Duration.ofMinutes(minutes)));
    }

    @Nested
    class AddingWorkingTime {

        @Test
        void carriesOverTheWeekendToMondayMorning() {
            assertThat(plus("2026-11-20T17:00+08:00", 120)).isEqualTo("2026-11-23T09:00+08:00");
        }

        @Test
        void endingExactlyAtClosingTimeIsDueAtClosingTimeNotNextMorning() {
            assertThat(plus("2026-11-20T17:00+08:00", 60)).isEqualTo("2026-11-20T18:00+08:00");
        }

        @Test
        void countsAMakeUpSaturdayAsAWorkingDay() {
            assertThat(plus("2026-10-09T17:00+08:00", 120)).isEqualTo("2026-10-10T09:00+08:00");
            assertThat(plus("2026-02-13T17:00+08:00", 120)).isEqualTo("2026-02-14T09:00+08:00");
        }

        @Test
        void skipsTheNationalDayWeek() {
            assertThat(plus("2026-09-30T17:00+08:00", 120)).isEqualTo("2026-10-08T09:00+08:00");
        }

        @Test
        void skipsTheNineDaysOfSpringFestival() {
            assertThat(plus("2026-02-14T17:00+08:00", 120)).isEqualTo("2026-02-24T09:00+08:00");
        }

        @Test
        void startingOnAHolidayBeginsAtTheNextWorkingMorning() {
            assertThat(plus("2026-10-03T10:00+08:00", 60)).isEqualTo("2026-10-08T09:00+08:00");
            assertThat(plus("2026-05-01T09:00+08:00", 30)).isEqualTo("2026-05-06T08:30+08:00");
        }

        @Test
        void startingOutsideHoursBeginsAtTheNextOpening() {
            assertThat(plus("2026-11-17T20:00+08:00", 30)).isEqualTo("2026-11-18T08:30+08:00");
            assertThat(plus("2026-11-17T06:00+08:00", 30)).isEqualTo("2026-11-17T08:30+08:00");
        }

        @Test
        void aSundayMakeUpDayIsWorkedToo() {
            // 2026-09-20 is a Sunday worked for National Day; 2026-01-04 a Sunday worked for New Year.
            assertThat(plus("2026-09-19T12:00+08:00", 30)).isEqualTo("2026-09-20T08:30+08:00");
            assertThat(plus("2026-01-01T12:00+08:00", 30)).isEqualTo("2026-01-04T08:30+08:00");
        }

        @Test
        void walksSeveralIntervalsOfADay() {
            BusinessCalendar split = TestCalendars.weekdays(WorkingHours.of("08:00", "12:00"),
                    WorkingHours.of("13:30", "17:30"));
            assertThat(local(split.plus(at("2026-11-23T11:30+08:00"), Duration.ofMinutes(60))))
                    .isEqualTo("2026-11-23T14:00+08:00");
            assertThat(local(split.plus(at("2026-11-23T12:15+08:00"), Duration.ofMinutes(10))))
                    .as("the lunch break is not working time").isEqualTo("2026-11-23T13:40+08:00");
            assertThat(local(split.plus(at("2026-11-23T17:00+08:00"), Duration.ofMinutes(60))))
                    .isEqualTo("2026-11-24T08:30+08:00");
        }
    }

    @Nested
    class MeasuringWorkingTime {

        @Test
        void countsOnlyWorkingHoursBetweenTwoInstants() {
            assertThat(calendar.between(at("2026-11-20T17:00+08:00"), at("2026-11-23T09:00+08:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.between(at("2026-09-30T17:30+08:00"), at("2026-10-08T08:15+08:00")))
                    .isEqualTo(Duration.ofMinutes(45));
        }

        @Test
        void knowsWhetherAnInstantIsWorkingTime() {
            assertThat(calendar.isWorkingTime(at("2026-11-23T08:00+08:00"))).isTrue();
            assertThat(calendar.isWorkingTime(at("2026-11-23T18:00+08:00"))).isFalse();
            assertThat(calendar.isWorkingTime(at("2026-10-10T10:00+08:00"))).as("make-up Saturday").isTrue();
            assertThat(calendar.isWorkingTime(at("2026-10-05T10:00+08:00"))).as("National Day Monday").isFalse();
        }
    }

    @Nested
    class HolidayTables {

        @Test
        void reportsTheYearsItHasNoTableFor() {
            assertThat(calendar.missingYears(at("2026-12-31T17:00+08:00"), at("2027-01-04T09:00+08:00")))
                    .containsExactly(2027);
            assertThat(calendar.missingYears(at("2026-03-01T09:00+08:00"), at("2026-03-02T09:00+08:00"))).isEmpty();
        }

        @Test
        void theShippedTableHasTheStateCouncilDays() {
            HolidayTable table = TestCalendars.shipped2026();
            assertThat(table.year()).isEqualTo(2026);
            assertThat(table.days()).filteredOn(d -> d.kind() == CalendarDay.Kind.HOLIDAY).hasSize(33);
            assertThat(table.days()).filteredOn(d -> d.kind() == CalendarDay.Kind.WORKDAY).hasSize(6);
        }

        @Test
        void readsJsonAndRefusesFilesSpanningYearsOrWithoutHolidays() {
            HolidayTable json = HolidayTable.parse("""
                    [{"date":"2027-01-01","kind":"HOLIDAY","name":"元旦"},{"date":"2027-02-20","kind":"workday"}]""");
            assertThat(json.year()).isEqualTo(2027);
            assertThat(json.days()).hasSize(2);
            assertThatThrownBy(() -> HolidayTable.parse("2026-12-31,HOLIDAY,x\n2027-01-01,HOLIDAY,y"))
                    .isInstanceOf(ProblemException.class).hasMessage("holiday-table-one-year");
            assertThatThrownBy(() -> HolidayTable.parse("2027-02-20,WORKDAY,x"))
                    .isInstanceOf(ProblemException.class).hasMessage("holiday-table-empty");
            assertThatThrownBy(() -> HolidayTable.parse("2027-13-01,HOLIDAY,x"))
                    .isInstanceOf(ProblemException.class).hasMessage("holiday-table-line");
        }
    }
}
