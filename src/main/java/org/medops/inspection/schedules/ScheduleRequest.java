package org.medops.inspection.schedules;

import java.time.LocalTime;
import java.util.List;

import org.medops.inspection.rounds.Template;

/**
 * The body of {@code POST/PUT /api/v1/inspection/schedules}: {@code template} one of DAILY, QUARTERLY, DATABASE,
 * BACKUP (none: each target's full check list); {@code targets} target codes (none: every active target);
 * {@code cron} e.g. {@code 0 9 1 1,4,7,10 *}; {@code holidayEves} with optional {@code holidays} names and
 * {@code eveTime} ({@code 09:00}).
 */
record ScheduleRequest(String name, Template template, List<String> targets, String cron, Boolean holidayEves,
                       List<String> holidays, LocalTime eveTime, Boolean active) {

    Schedule.Details details() {
        return new Schedule.Details(name, template, targets,
                new ScheduleRule(cron, Boolean.TRUE.equals(holidayEves), holidays, eveTime), active);
    }
}
