package org.medops.alerting;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a "no messages" rule watches: from {@code from} to {@code to} local time (over midnight when {@code to} is
 * earlier) on the given days (1 = Monday … 7 = Sunday; empty: every day). Outside it, silence is expected.
 */
record ActiveHours(LocalTime from, LocalTime to, List<Integer> days) {

    ActiveHours {
        days = days == null ? List.of() : days.stream().distinct().sorted().toList();
    }

    /** Since when the window that contains {@code now} is open; empty when {@code now} is outside every window. */
    Optional<ZonedDateTime> openSince(ZonedDateTime now) {
        LocalTime time = now.toLocalTime();
        ZonedDateTime start;
        if (!from.isAfter(to)) {
            if (time.isBefore(from) || !time.isBefore(to)) {
                return Optional.empty();
            }
            start = now.with(from);
        } else if (!time.isBefore(from)) {
            start = now.with(from);
        } else if (time.isBefore(to)) {
            start = now.minusDays(1).with(from);
        } else {
            return Optional.empty();
        }
        return days.isEmpty() || days.contains(start.getDayOfWeek().getValue()) ? Optional.of(start) : Optional.empty();
    }

    /** Stored as "1,2,3,4,5". */
    String daysText() {
        return days.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Integer> days(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    static boolean isDay(Integer day) {
        return day != null && day >= DayOfWeek.MONDAY.getValue() && day <= DayOfWeek.SUNDAY.getValue();
    }
}
