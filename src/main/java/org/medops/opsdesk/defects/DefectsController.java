package org.medops.opsdesk.defects;

import org.medops.opsdesk.OpsdeskSystems;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
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

/** 缺陷跟踪: defects reported to R&D with their progress, and the quarterly progress report. */
@Controller
@RequestMapping("/opsdesk/defects")
class DefectsController {

    private final Defects defects;
    private final DefectDesk desk;
    private final OpsdeskSystems systems;
    private final DefectList list;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    DefectsController(Defects defects, DefectDesk desk, OpsdeskSystems systems, DefectList list, Validator validator,
                      FieldMessages fieldMessages) {
        this.validator = validator;
        this.fieldMessages = fieldMessages;
        this.list = list;
        this.defects = defects;
        this.desk = desk;
        this.systems = systems;
    }

    /** The list contract's parameters ({@link DefectListQuery}); {@code export=csv|xlsx} downloads what it shows. */
    @GetMapping
    @CanReadDefects
    String list(DefectListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                Model model) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("defects", list.page(query, http));
        } catch (ProblemException e) {
            // A refused parameter (a sort column not offered, a size over the maximum) keeps the form and says why.
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("defects", list.empty(http));
        }
        model.addAttribute("query", query);
        model.addAttribute("statuses", DefectStatus.values());
        model.addAttribute("reporters", list.reporters());
        model.addAttribute("systems", systems.active());
        model.addAttribute("severities", DefectSeverity.values());
        model.addAttribute("quarter", desk.currentQuarter());
        return "opsdesk/defects";
    }

    @GetMapping({"/export.csv", "/export.xlsx"})
    @CanReadDefects
    void export(DefectListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        list.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, http, response);
    }

    @GetMapping("/{id}")
    @CanReadDefects
    String one(@PathVariable long id, Model model) {
        Defect defect = defects.find(id).orElseThrow(() -> ProblemException.notFound("defect", id));
        model.addAttribute("d", defect);
        model.addAttribute("tickets", defects.tickets(id));
        model.addAttribute("notes", defects.notes(id));
        model.addAttribute("next", defect.status().next().stream().sorted().toList());
        return "opsdesk/defects-detail";
    }

    @GetMapping("/report")
    @CanReadDefects
    String report(@RequestParam(required = false) String quarter, Model model) {
        DefectQuarter chosen = desk.currentQuarter();
        if (quarter != null && !quarter.isBlank()) {
            try {
                chosen = DefectQuarter.parse(quarter);
            } catch (ProblemException e) {
                model.addAttribute("problem", e); // shown above the current quarter's report
            }
        }
        model.addAttribute("quarter", chosen);
        model.addAttribute("report", desk.report(chosen));
        return "opsdesk/defects-report";
    }

    @PostMapping
    @CanWorkDefects
    String report(DefectForm form, Authentication who, RedirectAttributes redirect) {
        try {
            NewDefect request = form.toRequest();
            Set<ConstraintViolation<NewDefect>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                redirect.addFlashAttribute("violations", fieldMessages.of(violations));
                return "redirect:/opsdesk/defects";
            }
            Defect created = desk.report(request, who.getName());
            redirect.addFlashAttribute("notice", "defects.reported");
            return "redirect:/opsdesk/defects/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/opsdesk/defects";
        }
    }

    @PostMapping("/{id}/progress")
    @CanWorkDefects
    String progress(@PathVariable long id, @RequestParam(required = false) DefectStatus status,
                    @RequestParam(required = false) String fixedVersion, @RequestParam(required = false) String note,
                    Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "defects.progressed",
                () -> desk.progress(id, status, fixedVersion, note, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/notes")
    @CanWorkDefects
    String note(@PathVariable long id, @RequestParam(required = false) String note, Authentication who,
                RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "defects.noted", () -> desk.note(id, note, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/tickets")
    @CanWorkDefects
    String link(@PathVariable long id, @RequestParam(required = false) Long ticketId, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "defects.linked", () -> desk.link(id, ticketId == null ? 0 : ticketId));
        return back(id);
    }

    @PostMapping("/{id}/tickets/{ticketId}/remove")
    @CanWorkDefects
    String unlink(@PathVariable long id, @PathVariable long ticketId, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "defects.unlinked", () -> desk.unlink(id, ticketId));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/opsdesk/defects/" + id;
    }

    /**
     * The page's form: ticket ids typed as a comma-separated list. The record it maps onto is validated as the
     * API's.
     */
    record DefectForm(String title, String description, String systemCode, DefectSeverity severity, String product,
                      String productVersion, String ticketIds) {
        NewDefect toRequest() {
            List<Long> ids;
            try {
                ids = ticketIds == null || ticketIds.isBlank() ? List.of()
                        : Arrays.stream(ticketIds.split("[,，\\s]+")).filter(t -> !t.isBlank()).map(t -> t.replace("#", ""))
                        .map(Long::valueOf).toList();
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("ticket-id-invalid", ticketIds);
            }
            return new NewDefect(title, description, systemCode, severity, product, productVersion, ids);
        }
    }
}
