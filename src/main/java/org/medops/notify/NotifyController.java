package org.medops.notify;

import org.medops.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
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

    NotifyController(Targets targets, Deliveries deliveries, NotifyApi api) {
        this.targets = targets;
        this.deliveries = deliveries;
        this.api = api;
    }

    @GetMapping("/notify/targets")
    @PreAuthorize("hasAuthority('alert:read')")
    String page(Model model, Authentication who) {
        model.addAttribute("targets", targets.all().stream().map(t -> NotifyApi.TargetView.of(t, who)).toList());
        model.addAttribute("deliveries", deliveries.recent(50));
        model.addAttribute("kinds", TargetKind.values());
        return "alerting/targets";
    }

    @PostMapping("/notify/targets")
    @PreAuthorize("hasAuthority('alert:write')")
    String create(NotifyApi.NewTarget form, RedirectAttributes redirect, Authentication who) {
        try {
            if (form.name() == null || form.name().isBlank() || form.kind() == null || form.address() == null
                    || form.address().isBlank()) {
                throw ProblemException.invalid("target-incomplete");
            }
            api.create(form, who);
            redirect.addFlashAttribute("notice", "notify.created");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/notify/targets";
    }

    @PostMapping("/notify/targets/{id}/test")
    @PreAuthorize("hasAuthority('alert:write')")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        api.test(id);
        redirect.addFlashAttribute("notice", "notify.tested");
        return "redirect:/notify/targets";
    }
}
