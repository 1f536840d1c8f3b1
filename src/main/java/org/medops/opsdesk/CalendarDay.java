package org.medops.opsdesk;

import java.time.LocalDate;

/**
 * A dated exception to the weekly hours: a statutory holiday (closed) or a make-up working day (调休,
 * open with the calendar's standard working hours although it falls on a weekend).
 */
record CalendarDay(LocalDate date, Kind kind, String name) {

    enum Kind { HOLIDAY, WORKDAY }
}
