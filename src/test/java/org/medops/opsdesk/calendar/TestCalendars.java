package org.medops.opsdesk.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars for unit tests, built from the holiday table MedOps ships. */
public final class TestCalendars {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TestCalendars() {
    }

    public static HolidayTable shipped2026() {
        try (InputStream in = TestCalendars.class.getResourceAsStream("/opsdesk/holidays-CN-2026.csv")) {
            return HolidayTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mon–Fri with the given intervals, the 2026 State Council table. */
    public static BusinessCalendar weekdays(WorkingHours... hours) {
        Map<DayOfWeek, List<WorkingHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekly.put(day, List.of(hours));
        }
        HolidayTable table = shipped2026();
        return new BusinessCalendar("default", SHANGHAI, weekly, table.days(), Set.of(table.year()));
    }

    public static BusinessCalendar standard() {
        return weekdays(WorkingHours.of("08:00", "18:00"));
    }

    public static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    public static String local(Instant instant) {
        return instant.atZone(SHANGHAI).toOffsetDateTime().toString();
    }
}
