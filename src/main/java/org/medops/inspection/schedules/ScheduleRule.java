package org.medops.inspection.schedules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ProblemException;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule falls due: a cron rule (Spring's six fields, or the classic five with seconds left out, or a macro
 * such as {@code @daily}), and/or at {@code eveTime} on the working day before each holiday period — every period,
 * or only those whose name contains one of {@code holidays} ({@code 劳动节}, {@code 国庆}, {@code 春节}). Times are the
 * hospital's wall time.
 */
public record ScheduleRule(String cron, boolean holidayEves, List<String> holidays, LocalTime eveTime) {

    /** More occurrences than this in a year are not planned one by one (a cron rule every minute). */
    static final int MAX_OCCURRENCES = 1000;

    public ScheduleRule {
        cron = cron == null || cron.isBlank() ? null : cron.strip().replaceAll("\\s+", " ");
        holidays = holidays == null ? List.of()
                : holidays.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).distinct().toList();
        eveTime = eveTime == null ? LocalTime.of(9, 0) : eveTime;
    }

    /** Refuses a rule that never falls due or a cron text Spring cannot read. */
    ScheduleRule checked() {
        if (cron == null && !holidayEves) {
            throw ProblemException.invalid("inspection-schedule-rule-missing");
        }
        if (cron != null) {
            if (cron.length() > 120) {
                throw ProblemException.invalid("inspection-schedule-cron-invalid", cron.substring(0, 40) + "…");
            }
            expression();
        }
        if (holidays.size() > 20 || holidays.stream().anyMatch(h -> h.length() > 40)) {
            throw ProblemException.invalid("inspection-schedule-holidays-invalid");
        }
        return this;
    }

    CronExpression expression() {
        String text = cron.startsWith("@") || cron.split(" ").length != 5 ? cron : "0 " + cron;
        try {
            return CronExpression.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("inspection-schedule-cron-invalid", cron);
        }
    }

    boolean covers(HolidayEves.Eve eve) {
        return holidays.isEmpty() || holidays.stream().anyMatch(h -> eve.holiday().contains(h) || h.contains(eve.holiday()));
    }

    /** The first occurrence strictly after {@code after}, if the rule and the calendar's tables know one. */
    Optional<Instant> next(Instant after, ZoneId zone, HolidayEves eves) {
        Optional<Instant> byCron = cron == null ? Optional.empty()
                : Optional.ofNullable(expression().next(after.atZone(zone))).map(ZonedDateTime::toInstant);
        Optional<Instant> byEve = !holidayEves ? Optional.empty() : eves.all().stream().filter(this::covers)
                .map(eve -> eve.eve().atTime(eveTime).atZone(zone).toInstant())
                .filter(at -> at.isAfter(after)).min(Comparator.naturalOrder());
        return byCron.isEmpty() ? byEve : byEve.isEmpty() ? byCron
                : Optional.of(byCron.get().isBefore(byEve.get()) ? byCron.get() : byEve.get());
    }

    /**
     * The occurrences due in [{@code from}, {@code to}), each with the window a round must start in to count for it:
     * a cron occurrence until the next one, a holiday eve from the start of that day until the holiday begins.
     */
    List<Occurrence> occurrences(Instant from, Instant to, ZoneId zone, HolidayEves eves) {
        List<Occurrence> found = new ArrayList<>();
        if (cron != null) {
            CronExpression expression = expression();
            ZonedDateTime at = expression.next(from.minusNanos(1).atZone(zone));
            while (at != null && at.toInstant().isBefore(to) && found.size() < MAX_OCCURRENCES) {
                ZonedDateTime following = expression.next(at);
                found.add(new Occurrence(at.toInstant(), at.toInstant(),
                        following == null ? at.plusDays(1).toInstant() : following.toInstant(), null));
                at = following;
            }
        }
        if (holidayEves) {
            for (HolidayEves.Eve eve : eves.all()) {
                Instant due = eve.eve().atTime(eveTime).atZone(zone).toInstant();
                if (covers(eve) && !due.isBefore(from) && due.isBefore(to)) {
                    found.add(new Occurrence(due, eve.eve().atStartOfDay(zone).toInstant(),
                            eve.firstDay().atStartOfDay(zone).toInstant(), eve.holiday()));
                }
            }
        }
        found.sort(Comparator.comparing(Occurrence::dueAt));
        return found;
    }
}
