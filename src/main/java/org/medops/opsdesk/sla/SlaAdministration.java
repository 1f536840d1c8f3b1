package org.medops.opsdesk.sla;

import org.medops.opsdesk.OpsdeskAction;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.CalendarDay;
import org.medops.opsdesk.calendar.Calendars;
import org.medops.opsdesk.calendar.HolidayTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators change about SLAs: policy versions and the holiday tables of the calendars. */
@Service
public class SlaAdministration {

    private static final Logger log = LoggerFactory.getLogger(SlaAdministration.class);
    private static final Set<String> AUDIENCES = Set.of("ENGINEER", "SERVICE_MANAGER", "PROJECT_MANAGER");

    private final SlaPolicies policies;
    private final Calendars calendars;
    private final SlaEscalations escalations;
    private final OpsdeskSystems systems;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    SlaAdministration(SlaPolicies policies, Calendars calendars, SlaEscalations escalations,
                      OpsdeskSystems systems, ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.messages = messages;
        this.systems = systems;
        this.policies = policies;
        this.calendars = calendars;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    /** A calendar and whether this year's and next year's holiday tables are there. */
    public record CalendarStatus(String code, String name, String zone, boolean isDefault, List<Calendars.ImportedYear> years,
                          List<Integer> missingYears) {

        public boolean complete() {
            return missingYears.isEmpty();
        }
    }

    record ImportResult(String calendar, int year, int holidays, int workdays) {
    }

    List<SlaPolicy> currentPolicies() {
        return policies.current();
    }

    @Transactional
    SlaPolicy publish(Priority priority, SlaRequests.PolicyChange change, String by) {
        List<SlaTarget> targets = change.targets();
        String calendar = change.calendar();
        Set<TargetKind> kinds = EnumSet.noneOf(TargetKind.class);
        for (SlaTarget target : targets) {
            if (!kinds.add(target.kind())) {
                throw ProblemException.invalid("policy-target-twice", target.kind());
            }
        }
        if (!kinds.contains(TargetKind.RESPONSE) || !kinds.contains(TargetKind.RESOLUTION)) {
            throw ProblemException.invalid("policy-targets-required");
        }
        String calendarCode = calendar == null || calendar.isBlank() ? calendars.defaultCode() : calendar;
        calendars.find(calendarCode).orElseThrow(() -> ProblemException.notFound("calendar", calendarCode));
        SlaPolicy before = policies.current(priority);
        SlaPolicy published = policies.publish(priority, change.name(), calendarCode, targets, by, clock.instant());
        events.publishEvent(new OpsdeskAction("sla.policy.publish", "sla-policy", priority.name(),
                List.of(FieldChange.of("version", before.version(), published.version()),
                        FieldChange.of("targets", before.targets(), published.targets()),
                        FieldChange.of("calendar", before.calendarCode(), calendarCode))));
        return published;
    }

    List<Escalation> escalations() {
        return escalations.all();
    }

    @Transactional
    List<Escalation> replaceEscalations(List<Escalation> levels) {
        Set<Integer> percents = new java.util.HashSet<>();
        for (Escalation level : levels) {
            if (level.percent() < 1 || level.percent() > 100 || !percents.add(level.percent())) {
                throw ProblemException.invalid("escalation-percent", level.percent());
            }
            if (!AUDIENCES.contains(level.audience())) {
                throw ProblemException.invalid("escalation-audience", level.audience());
            }
        }
        List<Escalation> before = escalations.all();
        escalations.replace(levels);
        events.publishEvent(new OpsdeskAction("sla.escalations", "sla-escalations", "all",
                List.of(FieldChange.of("levels", before, levels))));
        return escalations.all();
    }

    /** Adds a system, renames it or retires / reactivates it; codes are kept, as records point at them. */
    @Transactional
    OpsdeskSystems.OpsdeskSystem saveSystem(String code, SlaRequests.SystemChange change) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z0-9_-]{2,32}")) {
            throw ProblemException.invalid("system-invalid", code);
        }
        OpsdeskSystems.OpsdeskSystem before = systems.find(normalized).orElse(null);
        OpsdeskSystems.OpsdeskSystem after = new OpsdeskSystems.OpsdeskSystem(normalized, change.name(), change.active());
        systems.save(after);
        events.publishEvent(new OpsdeskAction("opsdesk.system.save", "opsdesk-system", normalized,
                FieldChange.between(before, after)));
        return after;
    }

    List<Calendars.WorkingHoursRow> hours(String code) {
        return calendars.hours(code);
    }

    @Transactional
    void replaceHours(String code, List<Calendars.WorkingHoursRow> rows, String by) {
        calendars.find(code).orElseThrow(() -> ProblemException.notFound("calendar", code));
        if (rows.isEmpty()) {
            throw ProblemException.invalid("working-hours-empty");
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                Calendars.WorkingHoursRow a = rows.get(i);
                Calendars.WorkingHoursRow b = rows.get(j);
                if (a.day() == b.day() && a.hours().start().isBefore(b.hours().end())
                        && b.hours().start().isBefore(a.hours().end())) {
                    throw ProblemException.invalid("working-hours-overlap", a.day(), a.hours().start() + "-" + a.hours().end());
                }
            }
        }
        List<Calendars.WorkingHoursRow> before = calendars.hours(code);
        calendars.replaceHours(code, rows);
        events.publishEvent(new OpsdeskAction("calendar.hours", "calendar", code,
                List.of(FieldChange.of("hours", before, rows))));
        events.publishEvent(new CalendarChanged(code, timelineText("sla.recalculated.hours")));
    }

    /** Why the tickets' clocks moved, in the words their timeline keeps: the hospital's Chinese. */
    private String timelineText(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    public List<CalendarStatus> calendarStatus() {
        int year = LocalDate.now(clock).getYear();
        List<CalendarStatus> status = new ArrayList<>();
        for (Calendars.Summary summary : calendars.all()) {
            List<Calendars.ImportedYear> years = calendars.years(summary.code());
            List<Integer> missing = new ArrayList<>();
            for (int wanted : List.of(year, year + 1)) {
                if (years.stream().noneMatch(y -> y.year() == wanted)) {
                    missing.add(wanted);
                }
            }
            status.add(new CalendarStatus(summary.code(), summary.name(), summary.zone(), summary.isDefault(), years,
                    missing));
        }
        return status;
    }

    @Transactional
    ImportResult importHolidays(String code, String text, String source, String by) {
        calendars.find(code).orElseThrow(() -> ProblemException.notFound("calendar", code));
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("holiday-table-empty", "—");
        }
        HolidayTable table = HolidayTable.parse(text);
        calendars.importYear(code, table, source, by, clock.instant());
        int holidays = (int) table.days().stream().filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY).count();
        ImportResult result = new ImportResult(code, table.year(), holidays, table.days().size() - holidays);
        events.publishEvent(new OpsdeskAction("calendar.import", "calendar", code,
                List.of(FieldChange.set("year", table.year()), FieldChange.set("holidays", holidays),
                        FieldChange.set("workdays", result.workdays()), FieldChange.set("source", source))));
        events.publishEvent(new CalendarChanged(code,
                timelineText("sla.recalculated.holidays", String.valueOf(table.year()))));
        return result;
    }

    /** The tables MedOps ships (the State Council notices) go into the default calendar unless that year is there. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void importShippedTables() throws IOException {
        // Nodes starting together take turns, so the second sees the first one's import.
        calendars.lockForImport();
        String code = calendars.defaultCode();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:opsdesk/holidays-CN-*.csv")) {
            String text = resource.getContentAsString(StandardCharsets.UTF_8);
            int year = HolidayTable.parse(text).year();
            if (!calendars.hasYear(code, year)) {
                importHolidays(code, text, "MedOps: " + resource.getFilename(), "system");
                log.info("Imported the shipped {} holiday table into calendar '{}'", year, code);
            }
        }
    }
}
