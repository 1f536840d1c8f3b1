package org.medops.records.plans;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 应急预案: the plans with their review due, each plan's page with its reviews and drills. */
@Controller
@RequestMapping("/records/plans")
class PlansController {

    private final PlanDesk desk;
    private final PlanLists lists;
    private final OpsdeskSystems systems;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    PlansController(PlanDesk desk, PlanLists lists, OpsdeskSystems systems, Validator validator,
                    FieldMessages fieldMessages) {
        this.desk = desk;
        this.lists = lists;
        this.systems = systems;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    @CanReadRecords
    String list(PlanListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response, Model model)
            throws IOException {
        if (query.export() != null) {
            lists.exportPlans(query, locale, http, response);
            return null;
        }
        try {
            model.addAttribute("plans", lists.plans(query, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("plans", lists.noPlans(http));
        }
        model.addAttribute("query", query);
        form(model);
        model.addAttribute("reviewStates", ReviewState.values());
        return "records/plans";
    }

    @PostMapping
    @CanWriteRecords
    String write(PlanContent content, Authentication who, RedirectAttributes redirect) {
        if (invalid(content, redirect)) {
            return "redirect:/records/plans";
        }
        try {
            EmergencyPlan saved = desk.write(content, who.getName());
            redirect.addFlashAttribute("notice", "plans.written");
            return back(saved.id());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/records/plans";
        }
    }

    @GetMapping("/{id}")
    @CanReadRecords
    String one(@PathVariable long id, Model model) {
        model.addAttribute("p", desk.view(id));
        model.addAttribute("today", desk.today());
        form(model);
        return "records/plan";
    }

    @PostMapping("/{id}")
    @CanWriteRecords
    String revise(@PathVariable long id, PlanContent content, Authentication who, RedirectAttributes redirect) {
        if (!invalid(content, redirect)) {
            ConsoleActions.attempt(redirect, "plans.revised", () -> desk.revise(id, content, who.getName()));
        }
        return back(id);
    }

    @PostMapping("/{id}/review")
    @CanWriteRecords
    String review(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn,
                  @RequestParam(required = false) String notes, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "plans.reviewed", () -> desk.review(id, reviewedOn, notes, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/drills")
    @CanWriteRecords
    String drill(@PathVariable long id, NewDrill drill, Authentication who, RedirectAttributes redirect) {
        Set<ConstraintViolation<NewDrill>> violations = validator.validate(drill);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return back(id);
        }
        ConsoleActions.attempt(redirect, "plans.drillRecorded", () -> desk.drill(id, drill, who.getName()));
        return back(id);
    }

    private boolean invalid(PlanContent content, RedirectAttributes redirect) {
        Set<ConstraintViolation<PlanContent>> violations = validator.validate(content);
        if (violations.isEmpty()) {
            return false;
        }
        redirect.addFlashAttribute("violations", fieldMessages.of(violations));
        return true;
    }

    private void form(Model model) {
        model.addAttribute("scenarios", Scenario.values());
        model.addAttribute("systems", systems.active());
    }

    private static String back(long id) {
        return "redirect:/records/plans/" + id;
    }
}
