package org.medops.opsdesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Working time in one zone: weekly hours, statutory holidays and make-up working days. Holidays are
 * published per year; the calendar knows which years it has tables for and reports the years a
 * computation ran through without one, so nobody mistakes an ordinary week for the real one.
 */
public final class BusinessCalendar implements TimeBasis {

    /** No SLA target reaches this far; a calendar without any working time ends the search here. */
    private static final int SEARCH_DAYS = 3 * 366;

    private final String code;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingHours>> weekly;
    private final Map<LocalDate, CalendarDay> exceptions;
    private final Set<Integer> coveredYears;

    BusinessCalendar(String code, ZoneId zone, Map<DayOfWeek, List<WorkingHours>> weekly, List<CalendarDay> days,
                     Set<Integer> coveredYears) {
        this.code = code;
        this.zone = zone;
        this.weekly = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, hours) -> this.weekly.put(day, hours.stream()
                .sorted((a, b) -> a.start().compareTo(b.start())).toList()));
        this.exceptions = days.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity(), (a, b) -> b));
        this.coveredYears = Set.copyOf(coveredYears);
    }

    public String code() {
        return code;
    }

    public ZoneId zone() {
        return zone;
    }

    List<WorkingHours> hoursOn(LocalDate date) {
        CalendarDay exception = exceptions.get(date);
        if (exception != null) {
            return exception.kind() == CalendarDay.Kind.HOLIDAY ? List.of() : standardDay();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** A make-up working day is worked like an ordinary weekday: the hours of the first weekday with any. */
    private List<WorkingHours> standardDay() {
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingHours> hours = weekly.getOrDefault(day, List.of());
            if (!hours.isEmpty()) {
                return hours;
            }
        }
        return List.of();
    }

    public boolean isWorkingTime(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        for (WorkingHours hours : hoursOn(date)) {
            Instant open = open(date, hours);
            if (!at.isBefore(open) && at.isBefore(close(date, hours))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Instant plus(Instant start, Duration amount) {
        Duration remaining = amount.isNegative() ? Duration.ZERO : amount;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < SEARCH_DAYS; i++, date = date.plusDays(1)) {
            for (WorkingHours hours : hoursOn(date)) {
                Instant close = close(date, hours);
                Instant from = later(open(date, hours), start);
                if (!from.isBefore(close)) {
                    continue;
                }
                Duration available = Duration.between(from, close);
                // Ending exactly at closing time is due at closing time, not at the next opening.
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "calendar-no-working-time", code, SEARCH_DAYS);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (WorkingHours hours : hoursOn(date)) {
                Instant start = later(open(date, hours), from);
                Instant end = earlier(close(date, hours), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The years from {@code from} to {@code to} (inclusive) this calendar has no holiday table for. */
    public SortedSet<Integer> missingYears(Instant from, Instant to) {
        SortedSet<Integer> missing = new TreeSet<>();
        int first = LocalDate.ofInstant(from, zone).getYear();
        int last = LocalDate.ofInstant(to.isAfter(from) ? to : from, zone).getYear();
        for (int year = first; year <= last; year++) {
            if (!coveredYears.contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    private Instant open(LocalDate date, WorkingHours hours) {
        return date.atTime(hours.start()).atZone(zone).toInstant();
    }

    private Instant close(LocalDate date, WorkingHours hours) {
        return date.atTime(hours.end()).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
