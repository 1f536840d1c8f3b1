package org.medops.inspection.targets;

import org.medops.inspection.checks.CheckCode;
import org.medops.inspection.checks.TargetKind;
import org.medops.inspection.permissions.CanEditInspectionTargets;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 巡检目标: the list, the add and edit form (saved, then its connection tested), retire. */
@Controller("inspectionTargetsController")
@RequestMapping("/inspection/targets")
class TargetsController {

    private final Targets targets;

    TargetsController(Targets targets) {
        this.targets = targets;
    }

    @GetMapping
    @CanReadInspection
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TargetForm.blank());
        }
        return page(model, null);
    }

    @GetMapping("/{code}")
    @CanReadInspection
    String edit(@PathVariable String code, Model model) {
        Target target = targets.get(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TargetForm.of(target));
        }
        return page(model, target);
    }

    @PostMapping
    @CanEditInspectionTargets
    String create(@ModelAttribute("form") TargetForm form, Authentication who, RedirectAttributes redirect) {
        try {
            Targets.Saved saved = targets.create(form.input(), who.getName());
            redirect.addFlashAttribute("notice", "inspection.saved");
            redirect.addFlashAttribute("test", saved.test());
            return "redirect:/inspection/targets/" + saved.target().code();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("form", form);
            return "redirect:/inspection/targets";
        }
    }

    @PostMapping("/{code}")
    @CanEditInspectionTargets
    String update(@PathVariable String code, @ModelAttribute("form") TargetForm form, Authentication who,
                  RedirectAttributes redirect) {
        targets.get(code);
        try {
            Targets.Saved saved = targets.update(code, form.input(), who.getName());
            redirect.addFlashAttribute("notice", "inspection.saved");
            redirect.addFlashAttribute("test", saved.test());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/inspection/targets/" + code;
    }

    @PostMapping("/{code}/test")
    @CanEditInspectionTargets
    String test(@PathVariable String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("test", targets.test(code));
        return "redirect:/inspection/targets/" + code;
    }

    @PostMapping("/{code}/retire")
    @CanEditInspectionTargets
    String retire(@PathVariable String code, Authentication who, RedirectAttributes redirect) {
        targets.retire(code, who.getName());
        redirect.addFlashAttribute("notice", "inspection.retired");
        return "redirect:/inspection/targets";
    }

    private String page(Model model, Target editing) {
        model.addAttribute("targets", targets.all(true));
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", TargetKind.values());
        model.addAttribute("catalogue", CheckCode.values());
        return "inspection/targets";
    }
}
