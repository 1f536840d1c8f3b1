package org.medops.records.projects;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.medops.opsdesk.HolidayCalendar;

/**
 * The business calendar as whole days: a statutory holiday is off even on a weekday, a make-up working day (调休) is on
 * even on a weekend, every other day follows the working week. "N working days after D" is the N-th working day
 * after D, whatever D itself is.
 */
record WorkingDays(Set<DayOfWeek> weekdays, Map<LocalDate, Boolean> exceptions) {

    WorkingDays {
        weekdays = Set.copyOf(weekdays);
        exceptions = Map.copyOf(exceptions);
    }

    static WorkingDays of(HolidayCalendar.Table table) {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        table.days().forEach(day -> exceptions.put(day.date(), !day.holiday()));
        Set<DayOfWeek> weekdays = table.workingWeekdays().isEmpty()
                ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                : table.workingWeekdays();
        return new WorkingDays(weekdays, exceptions);
    }

    boolean working(LocalDate date) {
        Boolean exception = exceptions.get(date);
        return exception != null ? exception : weekdays.contains(date.getDayOfWeek());
    }

    /** The {@code n}-th working day after {@code day}; {@code day} itself when n is 0. */
    LocalDate after(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate date = day;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (working(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code due} up to and including {@code on}: how late something done on {@code on} is. */
    int late(LocalDate due, LocalDate on) {
        int days = 0;
        for (LocalDate date = due.plusDays(1); !date.isAfter(on); date = date.plusDays(1)) {
            if (working(date)) {
                days++;
            }
        }
        return days;
    }

    /** The last working day before {@code day}: when a reminder for something due that day goes out. */
    LocalDate before(LocalDate day) {
        LocalDate date = day.minusDays(1);
        while (!working(date)) {
            date = date.minusDays(1);
        }
        return date;
    }
}
