package org.medops.inspection.schedules;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.medops.opsdesk.calendar.CalendarDay;
import org.medops.opsdesk.calendar.Calendars;
import org.springframework.stereotype.Component;

/** The holiday eves of the ops desk's default business calendar, from every year it has a holiday table for. */
@Component
class CalendarSource {

    private final Calendars calendars;

    CalendarSource(Calendars calendars) {
        this.calendars = calendars;
    }

    HolidayEves eves() {
        String code = calendars.defaultCode();
        Set<DayOfWeek> weekly = EnumSet.noneOf(DayOfWeek.class);
        calendars.hours(code).forEach(row -> weekly.add(row.day()));
        Set<Integer> years = new TreeSet<>();
        calendars.years(code).forEach(year -> years.add(year.year()));
        List<CalendarDay> days = new ArrayList<>();
        years.forEach(year -> days.addAll(calendars.days(code, year)));
        return new HolidayEves(weekly, days, years);
    }
}
