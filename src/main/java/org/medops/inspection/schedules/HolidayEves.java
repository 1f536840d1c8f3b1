package org.medops.inspection.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.medops.opsdesk.HolidayCalendar;

/**
 * The working day before each statutory holiday period of a business calendar. A period is a run of holidays with
 * no working day between them (a weekend inside or beside it joins it); its eve is the last working day before its
 * first holiday — a make-up Saturday (调休) if that is the last one worked, as before the 2026 Spring Festival.
 * Only years with an imported holiday table give eves; {@link #coveredYears()} says which.
 */
public final class HolidayEves {

    /** One holiday period and the working day before it. */
    public record Eve(LocalDate eve, String holiday, LocalDate firstDay, LocalDate lastDay) {
    }

    private static final int SEARCH_BACK = 31;

    private final Set<DayOfWeek> weekly;
    private final Map<LocalDate, Boolean> holidays;
    private final SortedSet<Integer> coveredYears;
    private final List<Eve> eves;

    HolidayEves(Set<DayOfWeek> weekly, List<HolidayCalendar.Day> days, Set<Integer> coveredYears) {
        this.weekly = weekly.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekly);
        TreeMap<LocalDate, HolidayCalendar.Day> byDate = new TreeMap<>();
        days.forEach(day -> byDate.put(day.date(), day));
        this.holidays = new TreeMap<>();
        byDate.forEach((date, day) -> holidays.put(date, day.holiday()));
        this.coveredYears = new TreeSet<>(coveredYears);
        this.eves = periods(byDate);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean holiday = holidays.get(date);
        return holiday != null ? !holiday : weekly.contains(date.getDayOfWeek());
    }

    public List<Eve> all() {
        return eves;
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    private List<Eve> periods(TreeMap<LocalDate, HolidayCalendar.Day> days) {
        List<Eve> found = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        String name = null;
        for (HolidayCalendar.Day day : days.values()) {
            if (!day.holiday()) {
                continue;
            }
            if (first != null && workedBetween(last, day.date())) {
                found.add(eve(first, last, name));
                first = null;
            }
            if (first == null) {
                first = day.date();
                name = day.name() == null || day.name().isBlank() ? day.date().toString() : day.name().strip();
            }
            last = day.date();
        }
        if (first != null) {
            found.add(eve(first, last, name));
        }
        return List.copyOf(found);
    }

    private boolean workedBetween(LocalDate from, LocalDate to) {
        for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return true;
            }
        }
        return false;
    }

    private Eve eve(LocalDate first, LocalDate last, String name) {
        LocalDate eve = first.minusDays(1);
        for (int i = 0; i < SEARCH_BACK && !isWorkingDay(eve); i++) {
            eve = eve.minusDays(1);
        }
        return new Eve(eve, name, first, last);
    }
}
