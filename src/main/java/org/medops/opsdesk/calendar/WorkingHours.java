package org.medops.opsdesk.calendar;

import java.time.LocalTime;

/** One interval of a working day, e.g. 08:00–12:00; a day may have several. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public WorkingHours {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start: " + start + "–" + end);
        }
    }

    public static WorkingHours of(String start, String end) {
        return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
    }
}
