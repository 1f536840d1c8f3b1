package org.medops.inspection.schedules;

import java.time.Instant;

import org.medops.opsdesk.HolidayCalendar;
import org.springframework.stereotype.Component;

/** The holiday eves of the ops desk's default business calendar, from every year it has a holiday table for. */
@Component
class CalendarSource {

    private final HolidayCalendar calendar;

    CalendarSource(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    HolidayEves eves() {
        HolidayCalendar.Table table = calendar.current();
        return new HolidayEves(table.workingWeekdays(), table.days(), table.years());
    }

    Instant lastImported() {
        return calendar.lastImported();
    }
}
