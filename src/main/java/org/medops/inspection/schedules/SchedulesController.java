package org.medops.inspection.schedules;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.medops.inspection.permissions.CanEditInspectionTargets;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.rounds.Template;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 巡检计划: the schedules with their next occurrences, a form to add one, one schedule's edit page. */
@Controller
@RequestMapping("/inspection/schedules")
class SchedulesController {

    /** The holidays the seeds name for the database performance round, ticked on a new schedule. */
    static final List<String> SEED_HOLIDAYS = List.of("劳动节", "国庆节", "春节");

    private final Schedules schedules;

    SchedulesController(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    @CanReadInspection
    String list(Model model) {
        model.addAttribute("schedules", schedules.all());
        form(model, null);
        return "inspection/schedules";
    }

    @GetMapping("/{id}")
    @CanReadInspection
    String one(@PathVariable long id, Model model) {
        ScheduleView schedule = schedules.get(id);
        form(model, schedule);
        return "inspection/schedule";
    }

    @PostMapping
    @CanEditInspectionTargets
    String create(@RequestParam String name, @RequestParam(required = false) String template,
                  @RequestParam(required = false) String targets, @RequestParam(required = false) String cron,
                  @RequestParam(required = false) String holidayEves,
                  @RequestParam(required = false) List<String> holidays, @RequestParam(required = false) String eveTime,
                  Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "inspection.schedule.saved", () -> schedules.create(
                request(name, template, targets, cron, holidayEves, holidays, eveTime, "on").details(), who.getName()));
        return "redirect:/inspection/schedules";
    }

    @PostMapping("/{id}")
    @CanEditInspectionTargets
    String update(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String template,
                  @RequestParam(required = false) String targets, @RequestParam(required = false) String cron,
                  @RequestParam(required = false) String holidayEves,
                  @RequestParam(required = false) List<String> holidays, @RequestParam(required = false) String eveTime,
                  @RequestParam(required = false) String active, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "inspection.schedule.saved", () -> schedules.update(id,
                request(name, template, targets, cron, holidayEves, holidays, eveTime, active).details(), who.getName()));
        return "redirect:/inspection/schedules/" + id;
    }

    @PostMapping("/{id}/delete")
    @CanEditInspectionTargets
    String delete(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "inspection.schedule.deleted", () -> schedules.delete(id, who.getName()));
        return "redirect:/inspection/schedules";
    }

    private void form(Model model, ScheduleView schedule) {
        model.addAttribute("schedule", schedule);
        model.addAttribute("templates", Template.values());
        List<String> names = schedules.eves().all().stream().map(HolidayEves.Eve::holiday).distinct().toList();
        model.addAttribute("holidayNames", names.isEmpty() ? SEED_HOLIDAYS : names);
        model.addAttribute("checkedHolidays", schedule == null ? SEED_HOLIDAYS : schedule.holidays());
    }

    private static ScheduleRequest request(String name, String template, String targets, String cron, String holidayEves,
                                           List<String> holidays, String eveTime, String active) {
        Template chosen = null;
        if (template != null && !template.isBlank()) {
            chosen = Arrays.stream(Template.values()).filter(t -> t.name().equals(template.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("inspection-schedule-template-invalid", template));
        }
        LocalTime time = null;
        if (eveTime != null && !eveTime.isBlank()) {
            try {
                time = LocalTime.parse(eveTime.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("inspection-schedule-eve-time-invalid", eveTime);
            }
        }
        List<String> codes = targets == null ? List.of() : Arrays.stream(targets.split("[,，\\s]+")).toList();
        return new ScheduleRequest(name, chosen, codes, cron, holidayEves != null, holidays, time, active != null);
    }
}
