package org.medops.opsdesk.changes;

import org.medops.opsdesk.OpsdeskSystems;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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

/** 变更管理: changes with the maintenance window, written authorization and execution record. */
@Controller
@RequestMapping("/opsdesk/changes")
class ChangesController {

    private final Changes changes;
    private final ChangeDesk desk;
    private final OpsdeskSystems systems;
    private final ChangeList list;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    private final org.medops.signature.SignedDocuments signedDocuments;

    ChangesController(Changes changes, ChangeDesk desk, OpsdeskSystems systems, ChangeList list, Validator validator,
                      FieldMessages fieldMessages, org.medops.signature.SignedDocuments signedDocuments) {
        this.signedDocuments = signedDocuments;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
        this.list = list;
        this.changes = changes;
        this.desk = desk;
        this.systems = systems;
    }

    /** The list contract's parameters ({@link ChangeListQuery}); {@code export=csv|xlsx} downloads what it shows. */
    @GetMapping
    @CanReadChanges
    String list(ChangeListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                Model model) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("changes", list.page(query, http));
        } catch (ProblemException e) {
            // A refused parameter (a sort column not offered, a size over the maximum) keeps the form and says why.
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("changes", list.empty(http));
        }
        model.addAttribute("query", query);
        model.addAttribute("statuses", ChangeStatus.values());
        model.addAttribute("requesters", list.requesters());
        model.addAttribute("systems", systems.active());
        model.addAttribute("environments", ChangeEnvironment.values());
        model.addAttribute("risks", ChangeRisk.values());
        model.addAttribute("window", desk.window());
        return "opsdesk/changes";
    }

    @GetMapping({"/export.csv", "/export.xlsx"})
    @CanReadChanges
    void export(ChangeListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        list.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, http, response);
    }

    @GetMapping("/{id}")
    @CanReadChanges
    String one(@PathVariable long id, Model model) {
        model.addAttribute("c", ChangeView.of(changes.find(id).orElseThrow(() -> ProblemException.notFound("change", id))));
        model.addAttribute("results", ChangeResult.values());
        model.addAttribute("window", desk.window());
        model.addAttribute("eSignature", signedDocuments.find(ChangeDesk.SIGNED_TYPE, Long.toString(id)).orElse(null));
        return "opsdesk/changes-detail";
    }

    @PostMapping
    @CanRequestChanges
    String request(ChangeForm form, Authentication who, RedirectAttributes redirect) {
        try {
            NewChange plan = form.toRequest(desk.window().zone());
            Set<ConstraintViolation<NewChange>> violations = validator.validate(plan);
            if (!violations.isEmpty()) {
                redirect.addFlashAttribute("violations", fieldMessages.of(violations));
                redirect.addFlashAttribute("form", form);
                return "redirect:/opsdesk/changes";
            }
            Change created = desk.request(plan, who.getName());
            redirect.addFlashAttribute("notice", "changes.requested");
            return "redirect:/opsdesk/changes/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("form", form);
            return "redirect:/opsdesk/changes";
        }
    }

    @PostMapping("/{id}/authorize")
    @CanAuthorizeChanges
    String authorize(@PathVariable long id, @RequestParam(required = false) String signerName,
                     @RequestParam(required = false) String statement, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.authorized",
                () -> desk.authorize(id, signerName, statement, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/refuse")
    @CanAuthorizeChanges
    String refuse(@PathVariable long id, @RequestParam(required = false) String signerName,
                  @RequestParam(required = false) String reason, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.refused", () -> desk.refuse(id, signerName, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/start")
    @CanCarryOutChanges
    String start(@PathVariable long id, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.started", () -> desk.start(id, null));
        return back(id);
    }

    @PostMapping("/{id}/emergency")
    @CanCarryOutChanges
    String requestEmergency(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                            RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.emergencyRequested",
                () -> desk.requestEmergency(id, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/emergency/approve")
    @CanAuthorizeChanges
    String approveEmergency(@PathVariable long id, @RequestParam(required = false) String signerName,
                            Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.emergencyApproved",
                () -> desk.approveEmergency(id, signerName, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/emergency/reject")
    @CanAuthorizeChanges
    String rejectEmergency(@PathVariable long id, @RequestParam(required = false) String signerName,
                           @RequestParam(required = false) String reason, Authentication who,
                           RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.emergencyRejected",
                () -> desk.rejectEmergency(id, signerName, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/finish")
    @CanCarryOutChanges
    String finish(@PathVariable long id, @RequestParam(required = false) ChangeResult result,
                  @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.finished", () -> desk.finish(id, result, notes, null));
        return back(id);
    }

    @PostMapping("/{id}/cancel")
    @CanCancelChanges
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "changes.cancelled", () -> desk.cancel(id, reason, who.getName()));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/opsdesk/changes/" + id;
    }

    /**
     * The page's form: planned times are wall-clock times in the maintenance window's zone. The record it maps onto
     * is validated as the API's.
     */
    record ChangeForm(String title, String systemCode, ChangeEnvironment environment, ChangeRisk risk, String plan,
                      String rollbackPlan,
                      @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime plannedStart,
                      @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime plannedEnd) {
        NewChange toRequest(ZoneId zone) {
            return new NewChange(title, systemCode, environment, risk, plan, rollbackPlan, at(plannedStart, zone),
                    at(plannedEnd, zone));
        }

        private static Instant at(LocalDateTime local, ZoneId zone) {
            return local == null ? null : local.atZone(zone).toInstant();
        }
    }
}
