package org.medops.alerting;

import org.medops.shared.ConsoleActions;
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
        model.addAttribute("kinds", RuleKind.values());
        return "alerting/alerts";
    }

    @PostMapping("/alerts/rules")
    @PreAuthorize("hasAuthority('alert:write')")
    String createRule(RuleForm form, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.rule.created", () -> desk.createRule(form.toRequest()));
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('alert:ack')")
    String acknowledge(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.acknowledged", () -> desk.acknowledge(id, who.getName()));
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('alert:ack')")
    String resolve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.resolved", () -> desk.resolve(id, who.getName()));
        return "redirect:/alerts";
    }

    /** The page's rule form: target ids typed as a comma-separated list. */
    record RuleForm(String name, RuleKind kind, String subject, Double threshold, Integer windowMinutes,
                    Integer minCalls, String severity, String targetIds) {
        NewRule toRequest() {
            if (name == null || name.isBlank() || kind == null) {
                throw ProblemException.invalid("rule-incomplete");
            }
            java.util.List<Long> ids = targetIds == null || targetIds.isBlank() ? java.util.List.of()
                    : java.util.Arrays.stream(targetIds.split("[,\\s]+")).filter(t -> !t.isBlank()).map(Long::valueOf).toList();
            return new NewRule(name.trim(), kind, subject, threshold == null ? 0 : threshold,
                    windowMinutes == null ? 5 : Math.max(1, windowMinutes), minCalls == null ? 0 : minCalls,
                    severity == null ? "WARNING" : severity, null, ids);
        }
    }
}
