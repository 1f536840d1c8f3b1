package org.medops.opsdesk.calendar;

import java.time.LocalDate;

/**
 * A dated exception to the weekly hours: a statutory holiday (closed) or a make-up working day (调休,
 * open with the calendar's standard working hours although it falls on a weekend).
 */
public record CalendarDay(LocalDate date, Kind kind, String name) {

    public enum Kind { HOLIDAY, WORKDAY }
}
