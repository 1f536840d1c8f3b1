package org.medops.inspection.schedules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding, changing and deleting schedules (each audited), their next occurrences, and a year's plan. */
@Service("inspectionSchedules")
public class Schedules {

    static final int UPCOMING = 3;

    private final ScheduleStore store;
    private final CalendarSource calendar;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Schedules(ScheduleStore store, CalendarSource calendar, Settings settings, ApplicationEventPublisher events,
              Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public List<ScheduleView> all() {
        HolidayEves eves = calendar.eves();
        return store.all().stream().map(s -> view(s, eves)).toList();
    }

    public ScheduleView get(long id) {
        return view(find(id), calendar.eves());
    }

    @Transactional
    public ScheduleView create(Schedule.Details details, String actor) {
        Schedule.Details d = checked(details);
        Instant now = clock.instant();
        long id = store.insert(d, d.isActive() ? next(d.rule(), now, calendar.eves()) : null, now, actor);
        events.publishEvent(new ScheduleAction("inspection.schedule.create", String.valueOf(id), changes(null, d)));
        return get(id);
    }

    @Transactional
    public ScheduleView update(long id, Schedule.Details details, String actor) {
        Schedule.Details d = checked(details);
        Schedule existing = store.lock(id).orElseThrow(() -> ProblemException.notFound("inspection-schedule", id));
        Instant now = clock.instant();
        store.update(id, d, d.isActive() ? next(d.rule(), now, calendar.eves()) : null, now, actor);
        events.publishEvent(new ScheduleAction("inspection.schedule.update", String.valueOf(id),
                changes(existing.details(), d)));
        return get(id);
    }

    @Transactional
    public void delete(long id, String actor) {
        Schedule existing = store.lock(id).orElseThrow(() -> ProblemException.notFound("inspection-schedule", id));
        store.delete(id);
        events.publishEvent(new ScheduleAction("inspection.schedule.delete", String.valueOf(id),
                List.of(FieldChange.of("inspectionScheduleName", existing.details().name(), null))));
    }

    /** The occurrences of every schedule in a year, each from the schedule's creation on. */
    public SchedulePlan plan(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("inspection-plan-year-invalid", String.valueOf(year));
        }
        ZoneId zone = zone();
        HolidayEves eves = calendar.eves();
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<PlannedSchedule> planned = new ArrayList<>();
        for (Schedule s : store.all()) {
            Instant from = s.createdAt().isAfter(start) ? s.createdAt() : start;
            Instant until = s.active() ? end : (s.updatedAt().isBefore(end) ? s.updatedAt() : end);
            List<Occurrence> occurrences = until.isAfter(from)
                    ? s.details().rule().occurrences(from, until, zone, eves) : List.of();
            planned.add(new PlannedSchedule(s.id(), s.details().name(), s.details().template(), s.details().targets(),
                    s.active(), s.active() ? null : s.updatedAt(), occurrences));
        }
        boolean anyEves = store.all().stream().anyMatch(s -> s.details().rule().holidayEves());
        List<Integer> missing = anyEves && !eves.coveredYears().contains(year) ? List.of(year) : List.of();
        return new SchedulePlan(year, planned, missing);
    }

    /**
     * After a holiday table was imported: the next occurrence of each active schedule again. One already due is left
     * for the scheduler, so an occurrence missed while MedOps was down is still asked for.
     */
    @Transactional
    public void recomputeNextDue() {
        HolidayEves eves = calendar.eves();
        Instant now = clock.instant();
        for (Schedule s : store.all()) {
            if (s.active() && (s.nextDueAt() == null || s.nextDueAt().isAfter(now))) {
                store.setNextDue(s.id(), next(s.details().rule(), now, eves));
            }
        }
    }

    Instant next(ScheduleRule rule, Instant after, HolidayEves eves) {
        return rule.next(after, zone(), eves).orElse(null);
    }

    ZoneId zone() {
        return settings.current().zone();
    }

    HolidayEves eves() {
        return calendar.eves();
    }

    private Schedule find(long id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("inspection-schedule", id));
    }

    private static Schedule.Details checked(Schedule.Details details) {
        if (details == null) {
            throw ProblemException.invalid("inspection-schedule-name-invalid");
        }
        return details.checked();
    }

    private ScheduleView view(Schedule s, HolidayEves eves) {
        ScheduleRule rule = s.details().rule();
        List<Instant> upcoming = new ArrayList<>();
        if (s.active()) {
            Instant after = clock.instant();
            for (int i = 0; i < UPCOMING; i++) {
                Optional<Instant> next = rule.next(after, zone(), eves);
                if (next.isEmpty()) {
                    break;
                }
                upcoming.add(next.get());
                after = next.get();
            }
        }
        List<Integer> missing = new ArrayList<>();
        if (rule.holidayEves()) {
            int year = LocalDate.ofInstant(clock.instant(), zone()).getYear();
            for (int y = year; y <= year + 1; y++) {
                if (!eves.coveredYears().contains(y)) {
                    missing.add(y);
                }
            }
        }
        return new ScheduleView(s.id(), s.details().name(), s.details().template(), s.details().targets(), rule.cron(),
                rule.holidayEves(), rule.holidays(), rule.eveTime(), s.active(), s.nextDueAt(), s.lastDueAt(), upcoming,
                missing, s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy());
    }

    private static List<FieldChange> changes(Schedule.Details before, Schedule.Details after) {
        return List.of(
                FieldChange.of("inspectionScheduleName", before == null ? null : before.name(), after.name()),
                FieldChange.of("inspectionTemplate", before == null ? null : before.template(), after.template()),
                FieldChange.of("inspectionTargets", before == null ? null : String.join(", ", before.targets()),
                        String.join(", ", after.targets())),
                FieldChange.of("inspectionCron", before == null ? null : before.rule().cron(), after.rule().cron()),
                FieldChange.of("inspectionHolidayEves", before == null ? null : before.rule().holidayEves(),
                        after.rule().holidayEves()),
                FieldChange.of("inspectionHolidays", before == null ? null : String.join(", ", before.rule().holidays()),
                        String.join(", ", after.rule().holidays())),
                FieldChange.of("inspectionEveTime", before == null ? null : before.rule().eveTime(), after.rule().eveTime()),
                FieldChange.of("inspectionActive", before == null ? null : before.isActive(), after.isActive()))
                .stream().filter(FieldChange::changed).toList();
    }
}
