package org.medops.opsdesk.sla;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.Calendars;
import org.medops.opsdesk.calendar.WorkingHours;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.validation.BindingResult;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** SLA 策略与日历: policies, business calendars with their holiday tables, escalations and a due-time preview. */
@Controller
class SlaController {

    private final SlaAdministration administration;
    private final SlaPreview preview;
    private final Calendars calendars;
    private final OpsdeskSystems systems;
    private final org.medops.notify.Notifications notifications;
    private final HospitalZone zone;
    private final Clock clock;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    SlaController(SlaAdministration administration, SlaPreview preview, Calendars calendars, OpsdeskSystems systems,
                  org.medops.notify.Notifications notifications, HospitalZone zone, Clock clock, Validator validator,
                  FieldMessages fieldMessages) {
        this.validator = validator;
        this.fieldMessages = fieldMessages;
        this.zone = zone;
        this.notifications = notifications;
        this.systems = systems;
        this.administration = administration;
        this.preview = preview;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/opsdesk/sla")
    @CanManageSla
    String page(@RequestParam(required = false) Integer year, Model model) {
        List<SlaAdministration.CalendarStatus> status = administration.calendarStatus();
        String code = calendars.defaultCode();
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("calendars", status);
        model.addAttribute("calendarGaps", status.stream().filter(c -> !c.complete()).toList());
        model.addAttribute("shownYear", shown);
        model.addAttribute("days", calendars.days(code, shown));
        model.addAttribute("hours", hoursText(calendars.hours(code)));
        model.addAttribute("policies", administration.currentPolicies());
        model.addAttribute("escalations", administration.escalations());
        model.addAttribute("notifyTargets", notifications.targets());
        model.addAttribute("audiences", List.of("ENGINEER", "SERVICE_MANAGER", "PROJECT_MANAGER"));
        model.addAttribute("kinds", TargetKind.values());
        model.addAttribute("bases", ClockBasis.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("systems", systems.all());
        if (!model.containsAttribute("previewStart")) {
            model.addAttribute("previewStart", LocalDateTime.now(clock.withZone(zone.get()))
                    .withSecond(0).withNano(0));
        }
        return "opsdesk/sla";
    }

    @PostMapping("/opsdesk/sla/holidays")
    @CanManageSla
    String importHolidays(@RequestParam String calendar, @RequestParam(required = false) MultipartFile file,
                          @RequestParam(required = false) String table, Authentication who, RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : table;
        String source = file != null && !file.isEmpty() ? file.getOriginalFilename() : "console";
        ConsoleActions.attempt(redirect, "sla.imported",
                () -> administration.importHolidays(calendar, text, source, who.getName()));
        return "redirect:/opsdesk/sla";
    }

    @PostMapping("/opsdesk/sla/systems")
    @CanManageSystems
    String system(@RequestParam String code, @Valid SlaRequests.SystemChange change, BindingResult binding,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(binding));
        } else {
            ConsoleActions.attempt(redirect, "sla.systemSaved", () -> administration.saveSystem(code, change));
        }
        return "redirect:/opsdesk/sla#systems";
    }

    /** Rows {@code percent.N}, {@code audience.N}, {@code targets.N} (several); a blank percent drops the row. */
    @PostMapping("/opsdesk/sla/escalations")
    @CanManageSla
    String escalations(@RequestParam org.springframework.util.MultiValueMap<String, String> form,
                       RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "sla.escalationsSaved", () -> administration.replaceEscalations(levels(form)));
        return "redirect:/opsdesk/sla#escalations";
    }

    private static List<Escalation> levels(org.springframework.util.MultiValueMap<String, String> form) {
        List<Escalation> levels = new ArrayList<>();
        for (int row = 0; row < 10; row++) {
            String percent = form.getFirst("percent." + row);
            if (percent == null || percent.isBlank()) {
                continue;
            }
            try {
                List<Long> targets = form.getOrDefault("targets." + row, List.of()).stream().map(Long::valueOf).toList();
                levels.add(new Escalation(Integer.parseInt(percent.strip()), form.getFirst("audience." + row), targets));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("escalation-percent", percent);
            }
        }
        return levels;
    }

    @PostMapping("/opsdesk/sla/hours")
    @CanManageSla
    String hours(@RequestParam Map<String, String> form, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "sla.hoursSaved", () -> administration.replaceHours(calendars.defaultCode(),
                parseHours(form), who.getName()));
        return "redirect:/opsdesk/sla";
    }

    @PostMapping("/opsdesk/sla/policies/{priority}")
    @CanManageSla
    String publish(@PathVariable Priority priority, @RequestParam(required = false) String name,
                   @RequestParam Map<String, String> form, Authentication who, RedirectAttributes redirect) {
        SlaRequests.PolicyChange change;
        try {
            // The form's one row per kind is read into the API's record, then held to the same constraints.
            change = new SlaRequests.PolicyChange(name, null, targets(form));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/opsdesk/sla";
        }
        var violations = validator.validate(change);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
        } else {
            ConsoleActions.attempt(redirect, "sla.published", () -> administration.publish(priority, change, who.getName()));
        }
        return "redirect:/opsdesk/sla";
    }

    @PostMapping("/opsdesk/sla/preview")
    @CanReadSla
    String preview(@RequestParam LocalDateTime start, @RequestParam(required = false) Integer minutes,
                   @RequestParam(required = false) ClockBasis clock, @RequestParam(required = false) Priority priority,
                   RedirectAttributes redirect) {
        var offset = start.atZone(zone.get()).toOffsetDateTime();
        redirect.addFlashAttribute("previewStart", start);
        try {
            if (priority != null) {
                redirect.addFlashAttribute("policyPreview", preview.targets(new SlaPreview.Request(offset, null, null, null,
                        priority)));
            } else {
                redirect.addFlashAttribute("duePreview", preview.due(new SlaPreview.Request(offset, minutes, clock, null,
                        null)));
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/opsdesk/sla#preview";
    }

    /** Reads the policy form: {@code <KIND>.minutes}, {@code <KIND>.basis}, {@code <KIND>.outside}; a blank minutes drops the target. */
    private static List<SlaTarget> targets(Map<String, String> form) {
        List<SlaTarget> targets = new ArrayList<>();
        for (TargetKind kind : TargetKind.values()) {
            String minutes = form.getOrDefault(kind + ".minutes", "").strip();
            if (minutes.isEmpty()) {
                continue;
            }
            String outside = form.getOrDefault(kind + ".outside", "").strip();
            try {
                targets.add(new SlaTarget(kind, ClockBasis.valueOf(form.getOrDefault(kind + ".basis", "BUSINESS")),
                        Integer.parseInt(minutes), outside.isEmpty() ? null : Integer.valueOf(outside)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("policy-target-invalid", kind);
            }
        }
        return targets;
    }

    /** One text per weekday: {@code 08:00-12:00, 13:30-17:30}; empty for a day off. */
    private static List<Calendars.WorkingHoursRow> parseHours(Map<String, String> form) {
        List<Calendars.WorkingHoursRow> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = form.getOrDefault("day." + day, "").strip();
            if (text.isEmpty()) {
                continue;
            }
            for (String interval : text.split("[,，;；\\s]+")) {
                String[] ends = interval.split("[-–~]");
                try {
                    rows.add(new Calendars.WorkingHoursRow(day, new WorkingHours(LocalTime.parse(ends[0].strip()),
                            LocalTime.parse(ends[1].strip()))));
                } catch (DateTimeParseException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                    throw ProblemException.invalid("working-hours-invalid", day, interval);
                }
            }
        }
        return rows;
    }

    private static Map<DayOfWeek, String> hoursText(List<Calendars.WorkingHoursRow> rows) {
        Map<DayOfWeek, String> text = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            text.put(day, String.join(", ", rows.stream().filter(r -> r.day() == day)
                    .map(r -> r.hours().start() + "-" + r.hours().end()).toList()));
        }
        return text;
    }
}
