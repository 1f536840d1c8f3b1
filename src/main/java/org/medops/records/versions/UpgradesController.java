package org.medops.records.versions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.opsdesk.ChangeSummary;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.records.permissions.CanAgreeRecords;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
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

/** 产品升级: the list, drafting on a requested change, and each upgrade's agreement page (agree / send back). */
@Controller
@RequestMapping("/records/upgrades")
class UpgradesController {

    private final UpgradeDesk desk;
    private final VersionLists lists;
    private final OpsdeskSystems systems;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    UpgradesController(UpgradeDesk desk, VersionLists lists, OpsdeskSystems systems, Validator validator,
                       FieldMessages fieldMessages) {
        this.desk = desk;
        this.lists = lists;
        this.systems = systems;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    @CanReadRecords
    String list(UpgradeListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                Model model) throws IOException {
        if (query.export() != null) {
            lists.exportUpgrades(query, locale, http, response);
            return null;
        }
        try {
            model.addAttribute("upgrades", lists.upgrades(query, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("upgrades", lists.noUpgrades(http));
        }
        List<ChangeSummary> candidates = new ArrayList<>();
        systems.active().forEach(s -> candidates.addAll(desk.candidateChanges(s.code())));
        model.addAttribute("query", query);
        model.addAttribute("statuses", UpgradeStatus.values());
        model.addAttribute("systems", systems.active());
        model.addAttribute("candidates", candidates);
        return "records/upgrades";
    }

    @PostMapping
    @CanWriteRecords
    String draft(UpgradeForm form, Authentication who, RedirectAttributes redirect) {
        NewUpgrade draft = form.toDraft();
        Set<ConstraintViolation<NewUpgrade>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return "redirect:/records/upgrades";
        }
        try {
            Upgrade saved = desk.draft(draft, who.getName());
            redirect.addFlashAttribute("notice", "upgrades.drafted");
            return back(saved.id());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/records/upgrades";
        }
    }

    @GetMapping("/{id}")
    @CanReadRecords
    String one(@PathVariable long id, Model model) {
        model.addAttribute("u", desk.view(id));
        return "records/upgrade";
    }

    @PostMapping("/{id}/{document}/agree")
    @CanAgreeRecords
    String agree(@PathVariable long id, @PathVariable String document,
                 @RequestParam(required = false) String signerName, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "upgrades.agreed." + UpgradeDocument.of(document).code(),
                () -> desk.agree(id, UpgradeDocument.of(document), signerName, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/{document}/send-back")
    @CanAgreeRecords
    String sendBack(@PathVariable long id, @PathVariable String document,
                    @RequestParam(required = false) String reason, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "upgrades.sentBack." + UpgradeDocument.of(document).code(),
                () -> desk.sendBack(id, UpgradeDocument.of(document), reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/assessment")
    @CanWriteRecords
    String reviseAssessment(@PathVariable long id, Assessment assessment, Authentication who,
                            RedirectAttributes redirect) {
        Set<ConstraintViolation<Assessment>> violations = validator.validate(assessment);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return back(id);
        }
        ConsoleActions.attempt(redirect, "upgrades.revised", () -> desk.revise(id, assessment, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/plan")
    @CanWriteRecords
    String revisePlan(@PathVariable long id, UpgradePlan plan, Authentication who, RedirectAttributes redirect) {
        Set<ConstraintViolation<UpgradePlan>> violations = validator.validate(plan);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return back(id);
        }
        ConsoleActions.attempt(redirect, "upgrades.revised", () -> desk.revise(id, plan, who.getName()));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/records/upgrades/" + id;
    }

    /** The page's draft form: the two documents' fields side by side, validated as the API's record. */
    record UpgradeForm(Long changeId, String targetVersion, String reason, String risks, String impact, String steps,
                       String rollback, String tests, String window) {
        NewUpgrade toDraft() {
            return new NewUpgrade(changeId, targetVersion, new Assessment(reason, risks, impact),
                    new UpgradePlan(steps, rollback, tests, window));
        }
    }
}
