package org.medops.opsdesk.requirements;

import org.medops.opsdesk.OpsdeskSystems;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 需求管理: the list with the allowance, the submit form, and one page per requirement with its steps. */
@Controller
@RequestMapping("/opsdesk/requirements")
class RequirementsController {

    private final Requirements requirements;
    private final RequirementDesk desk;
    private final OpsdeskSystems systems;
    private final RequirementList list;
    private final FieldMessages fieldMessages;

    RequirementsController(Requirements requirements, RequirementDesk desk, OpsdeskSystems systems,
                           RequirementList list, FieldMessages fieldMessages) {
        this.fieldMessages = fieldMessages;
        this.list = list;
        this.requirements = requirements;
        this.desk = desk;
        this.systems = systems;
    }

    /** The list contract's parameters ({@link RequirementListQuery}); {@code export=csv|xlsx} downloads what it shows. */
    @GetMapping
    @CanReadRequirements
    String list(RequirementListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                Model model) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("requirements", list.page(query, http));
        } catch (ProblemException e) {
            // A refused parameter (a sort column not offered, a size over the maximum) keeps the form and says why.
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("requirements", list.empty(http));
        }
        model.addAttribute("query", query);
        model.addAttribute("statuses", RequirementStatus.values());
        model.addAttribute("engineers", list.engineers());
        model.addAttribute("allowance", RequirementsApi.AllowanceView.of(desk.currentAllowance()));
        model.addAttribute("systems", systems.active());
        model.addAttribute("today", desk.today());
        return "opsdesk/requirements";
    }

    @GetMapping({"/export.csv", "/export.xlsx"})
    @CanReadRequirements
    void export(RequirementListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        list.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, http, response);
    }

    @GetMapping("/{id}")
    @CanReadRequirements
    String one(@PathVariable long id, Model model) {
        RequirementView requirement = RequirementView.of(
                requirements.find(id).orElseThrow(() -> ProblemException.notFound("requirement", id)));
        model.addAttribute("r", requirement);
        model.addAttribute("steps", requirements.steps(id));
        model.addAttribute("allowance", RequirementsApi.AllowanceView.of(desk.currentAllowance()));
        model.addAttribute("systemName", systems.active().stream().filter(s -> s.code().equals(requirement.systemCode()))
                .map(OpsdeskSystems.OpsdeskSystem::name).findFirst().orElse(requirement.systemCode()));
        model.addAttribute("overdue", requirement.overdue(desk.today()));
        model.addAttribute("suggestedDue", desk.today().plusDays(Requirement.DEFAULT_DUE_DAYS));
        return "opsdesk/requirements-detail";
    }

    @PostMapping
    @CanSubmitRequirements
    String submit(@Valid NewRequirement request, BindingResult binding, Authentication who,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(binding));
            return "redirect:/opsdesk/requirements";
        }
        try {
            Requirement created = desk.submit(request, who.getName());
            redirect.addFlashAttribute("notice", "requirements.submitted");
            return "redirect:/opsdesk/requirements/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/opsdesk/requirements";
        }
    }

    @PostMapping("/{id}/analysis")
    @CanWorkRequirements
    String analyse(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.analysing", () -> desk.startAnalysis(id, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/accept")
    @CanWorkRequirements
    String accept(@PathVariable long id, AcceptForm form, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.accepted",
                () -> desk.accept(id, form.reason(), form.personDays(), form.dueDate(), who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/reject")
    @CanWorkRequirements
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.rejected", () -> desk.reject(id, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/schedule")
    @CanWorkRequirements
    String schedule(@PathVariable long id, DateForm form, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.scheduled", () -> desk.schedule(id, form.date(), who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/due-date")
    @CanWorkRequirements
    String due(@PathVariable long id, DateForm form, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.dueSet", () -> desk.setDueDate(id, form.date(), who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/person-days")
    @CanWorkRequirements
    String personDays(@PathVariable long id, @RequestParam(required = false) BigDecimal personDays, Authentication who,
                      RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.personDaysSet",
                () -> desk.recordPersonDays(id, personDays, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/deliver")
    @CanWorkRequirements
    String deliver(@PathVariable long id, @RequestParam(required = false) String delivered, Authentication who,
                   RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.delivered", () -> desk.deliver(id, delivered, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/verify")
    @CanVerifyRequirements
    String verify(@PathVariable long id, @RequestParam(required = false) String note, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.verified", () -> desk.verify(id, note, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/refuse-verification")
    @CanVerifyRequirements
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requirements.verificationRefused",
                () -> desk.refuseVerification(id, reason, who.getName()));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/opsdesk/requirements/" + id;
    }

    record AcceptForm(String reason, BigDecimal personDays, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
    }

    record DateForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    }
}
