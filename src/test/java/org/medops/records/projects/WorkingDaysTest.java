package org.medops.records.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic on the State Council's 2026 holiday table, the one the platform imports. */
class WorkingDaysTest {

    static final WorkingDays CN_2026 = load();

    static WorkingDays load() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(WorkingDaysTest.class
                .getResourceAsStream("/opsdesk/holidays-CN-2026.csv"), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.startsWith("#") && !l.startsWith("date")).forEach(line -> {
                String[] f = line.split(",");
                exceptions.put(LocalDate.parse(f[0]), f[1].equals("WORKDAY"));
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new WorkingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), exceptions);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Nested
    class NationalDayWeek {

        @Test
        void countsNothingFromTheFirstToTheSeventhOfOctober() {
            // 30 Sep (Wed) + 3: 1–7 Oct off, 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, 调休) 3.
            assertThat(CN_2026.after(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
            assertThat(CN_2026.after(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        }

        @Test
        void lateOverTheHolidayCountsOnlyWorkingDays() {
            assertThat(CN_2026.late(d("2026-09-30"), d("2026-10-09"))).isEqualTo(2);
            assertThat(CN_2026.late(d("2026-09-30"), d("2026-10-07"))).isZero();
        }

        @Test
        void aDeadlineInsideTheHolidayStartsCountingFromItsEnd() {
            // The N-th working day after D, whatever D is: from a holiday, the 1st is the first day back.
            assertThat(CN_2026.after(d("2026-10-03"), 1)).isEqualTo(d("2026-10-08"));
        }
    }

    @Nested
    class MakeUpDays {

        @Test
        void aMakeUpSaturdayIsAWorkingDay() {
            assertThat(CN_2026.working(d("2026-10-10"))).isTrue();
            assertThat(CN_2026.after(d("2026-10-09"), 1)).isEqualTo(d("2026-10-10"));
        }

        @Test
        void aMakeUpSundayBeforeMidAutumnCounts() {
            // 18 Sep (Fri) + 1 is Sunday 20 Sep, worked for the National Day; an ordinary Saturday is not.
            assertThat(CN_2026.working(d("2026-09-19"))).isFalse();
            assertThat(CN_2026.after(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
        }

        @Test
        void theLastWorkingDayBeforeAHolidayWeekIsTheReminderDay() {
            assertThat(CN_2026.before(d("2026-10-08"))).isEqualTo(d("2026-09-30"));
        }
    }

    @Nested
    class SpringFestival {

        @Test
        void nineDaysOffBetweenTwoMakeUpSaturdays() {
            assertThat(CN_2026.after(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
            assertThat(CN_2026.after(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
            // 24–27 Feb are days 2–5, Saturday 28 Feb (调休) day 6, Monday 2 Mar day 7.
            assertThat(CN_2026.after(d("2026-02-13"), 6)).isEqualTo(d("2026-02-28"));
            assertThat(CN_2026.after(d("2026-02-13"), 7)).isEqualTo(d("2026-03-02"));
        }

        @Test
        void thirtyWorkingDaysAcrossTheFestival() {
            // From Fri 6 Feb: 9–13 (5), Sat 14 (6), 24–27 (10), Sat 28 (11), March 2–6 (16), 9–13 (21), 16–20 (26),
            // 23–26 (30).
            assertThat(CN_2026.after(d("2026-02-06"), 30)).isEqualTo(d("2026-03-26"));
        }
    }
}
