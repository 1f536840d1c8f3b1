package org.medops.opsdesk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.medops.opsdesk.calendar.CalendarDay;
import org.medops.opsdesk.calendar.Calendars;
import org.springframework.stereotype.Component;

/**
 * The default business calendar's working weekdays, statutory holidays and make-up working days, for modules
 * outside the ops desk (the inspection schedules plan rounds on the working day before each holiday period).
 * The calendar itself is a nested module of the ops desk; this is its published face.
 */
@Component
public class HolidayCalendar {

    /** A dated exception to the working week: a holiday ({@code holiday}) or a make-up working day. */
    public record Day(LocalDate date, boolean holiday, String name) {
    }

    /**
     * @param workingWeekdays the weekdays with working hours
     * @param years           the years a holiday table was imported for (other years have no holidays known)
     * @param lastImported    when the newest table was imported: changes whenever the holidays do
     */
    public record Table(Set<DayOfWeek> workingWeekdays, List<Day> days, Set<Integer> years, Instant lastImported) {
    }

    private final Calendars calendars;

    HolidayCalendar(Calendars calendars) {
        this.calendars = calendars;
    }

    public Table current() {
        String code = calendars.defaultCode();
        Set<DayOfWeek> weekly = EnumSet.noneOf(DayOfWeek.class);
        calendars.hours(code).forEach(row -> weekly.add(row.day()));
        Set<Integer> years = new TreeSet<>();
        Instant last = null;
        for (Calendars.ImportedYear year : calendars.years(code)) {
            years.add(year.year());
            last = last == null || year.importedAt().isAfter(last) ? year.importedAt() : last;
        }
        List<Day> days = new ArrayList<>();
        for (int year : years) {
            for (CalendarDay day : calendars.days(code, year)) {
                days.add(new Day(day.date(), day.kind() == CalendarDay.Kind.HOLIDAY, day.name()));
            }
        }
        return new Table(weekly, days, years, last);
    }

    /** When the newest holiday table was imported, cheaply: whether the holidays changed since last asked. */
    public Instant lastImported() {
        Instant last = null;
        for (Calendars.ImportedYear year : calendars.years(calendars.defaultCode())) {
            last = last == null || year.importedAt().isAfter(last) ? year.importedAt() : last;
        }
        return last;
    }
}
