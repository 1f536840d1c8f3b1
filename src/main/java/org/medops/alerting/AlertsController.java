package org.medops.alerting;

import org.medops.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 预警消息: alert messages with acknowledge and resolve, and the rules behind them. */
@Controller
class AlertsController {

    private final Alerts alerts;
    private final AlertRules rules;
    private final AlertDesk desk;

    AlertsController(Alerts alerts, AlertRules rules, AlertDesk desk) {
        this.alerts = alerts;
        this.rules = rules;
        this.desk = desk;
    }

    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('alert:read')")
    String alerts(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("alerts", alerts.recent(status, 200));
        model.addAttribute("rules", rules.all());
        return "alerting/alerts";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('alert:ack')")
    String acknowledge(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return act(redirect, "alerts.acknowledged", () -> desk.acknowledge(id, who.getName()));
    }

    @PostMapping("/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('alert:ack')")
    String resolve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return act(redirect, "alerts.resolved", () -> desk.resolve(id, who.getName()));
    }

    private static String act(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/alerts";
    }
}
