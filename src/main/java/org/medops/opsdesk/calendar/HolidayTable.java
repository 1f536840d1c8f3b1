package org.medops.opsdesk.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import org.medops.shared.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One published year of holidays and make-up working days, as imported by an administrator: CSV
 * ({@code date,kind,name}, {@code #} comments) or a JSON array of {@code {"date","kind","name"}}.
 * A table names its year explicitly so an empty or partial file cannot pass for a year without holidays.
 */
public record HolidayTable(int year, List<CalendarDay> days) {

    public HolidayTable {
        days = List.copyOf(days);
        java.util.Set<java.time.LocalDate> seen = new java.util.HashSet<>();
        for (CalendarDay day : days) {
            if (!seen.add(day.date())) {
                throw ProblemException.invalid("holiday-table-duplicate", day.date());
            }
            if (day.date().getYear() != year) {
                throw ProblemException.invalid("holiday-outside-year", day.date(), year);
            }
        }
        if (days.stream().noneMatch(d -> d.kind() == CalendarDay.Kind.HOLIDAY)) {
            throw ProblemException.invalid("holiday-table-empty", year);
        }
    }

    /** Reads a file whose days all fall in one year; that year is the table's. */
    public static HolidayTable parse(String text) {
        String trimmed = text.strip();
        List<CalendarDay> days = trimmed.startsWith("[") ? fromJson(trimmed) : fromCsv(trimmed);
        SortedSet<Integer> years = new TreeSet<>();
        days.forEach(d -> years.add(d.date().getYear()));
        if (years.size() != 1) {
            throw ProblemException.invalid("holiday-table-one-year", years.toString());
        }
        return new HolidayTable(years.first(), days);
    }

    private static List<CalendarDay> fromCsv(String text) {
        List<CalendarDay> days = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\\R")) {
            lineNumber++;
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#") || row.toLowerCase(Locale.ROOT).startsWith("date,")) {
                continue;
            }
            String[] cells = row.split(",", 3);
            if (cells.length < 2) {
                throw ProblemException.invalid("holiday-table-line", lineNumber, row);
            }
            days.add(day(cells[0], cells[1], cells.length > 2 ? cells[2] : "", lineNumber));
        }
        return days;
    }

    private static List<CalendarDay> fromJson(String text) {
        List<CalendarDay> days = new ArrayList<>();
        JsonNode array;
        try {
            array = JsonMapper.builder().build().readTree(text);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("holiday-table-line", 1, "JSON");
        }
        int index = 0;
        for (JsonNode entry : array) {
            index++;
            days.add(day(entry.path("date").asString(""), entry.path("kind").asString(""),
                    entry.path("name").asString(""), index));
        }
        return days;
    }

    private static CalendarDay day(String date, String kind, String name, int line) {
        try {
            return new CalendarDay(LocalDate.parse(date.strip()),
                    CalendarDay.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)), name.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.invalid("holiday-table-line", line, date + "," + kind);
        }
    }
}
