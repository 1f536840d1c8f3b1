package org.medops.notify;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 通知渠道: robots, mailboxes and webhooks, a test button, and the delivery record. */
@Controller
class NotifyController {

    private final Targets targets;
    private final Deliveries deliveries;
    private final NotifyApi api;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    NotifyController(Targets targets, Deliveries deliveries, NotifyApi api, Validator validator,
                     FieldMessages fieldMessages) {
        this.targets = targets;
        this.deliveries = deliveries;
        this.api = api;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping("/notify/targets")
    @CanReadNotifyTargets
    String page(Model model, Authentication who) {
        model.addAttribute("targets", targets.all().stream().map(t -> NotifyApi.TargetView.of(t, who)).toList());
        model.addAttribute("deliveries", deliveries.recent(50));
        model.addAttribute("kinds", TargetKind.values());
        return "alerting/targets";
    }

    @PostMapping("/notify/targets")
    @CanManageNotifyTargets
    String create(NotifyApi.NewTarget form, RedirectAttributes redirect, Authentication who) {
        try {
            // The API's constraints, so the form and the API refuse the same targets.
            Set<ConstraintViolation<NotifyApi.NewTarget>> violations = validator.validate(form);
            if (!violations.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "target-incomplete", fieldMessages.of(violations));
            }
            api.create(form, who);
            redirect.addFlashAttribute("notice", "notify.created");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/notify/targets";
    }

    @PostMapping("/notify/targets/{id}/test")
    @CanManageNotifyTargets
    String test(@PathVariable long id, RedirectAttributes redirect) {
        api.test(id);
        redirect.addFlashAttribute("notice", "notify.tested");
        return "redirect:/notify/targets";
    }
}
