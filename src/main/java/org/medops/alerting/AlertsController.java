package org.medops.alerting;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 预警消息: alert messages with acknowledge and resolve, and the rules behind them (create, edit, enable, delete). */
@Controller
class AlertsController {

    private final AlertViews views;
    private final AlertList list;
    private final AlertDesk desk;
    private final Validator validator;
    private final MessageSource messages;

    AlertsController(AlertViews views, AlertList list, AlertDesk desk, Validator validator, MessageSource messages) {
        this.views = views;
        this.list = list;
        this.desk = desk;
        this.validator = validator;
        this.messages = messages;
    }

    /** The list contract's parameters ({@link AlertListQuery}); {@code export=csv|xlsx} downloads what it shows. */
    @GetMapping("/alerts")
    @CanReadAlerts
    String alerts(AlertListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                  Model model) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("alerts", list.page(query, http));
        } catch (ProblemException e) {
            // A refused parameter (a reversed range, a sort column not offered) keeps the form and says why.
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("alerts", list.empty(http));
        }
        model.addAttribute("query", query);
        return page(model, RuleForm.blank(), null);
    }

    @GetMapping({"/alerts/export.csv", "/alerts/export.xlsx"})
    @CanReadAlerts
    void export(AlertListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        list.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, http, response);
    }

    /** One alert, the page a ticket links back to. */
    @GetMapping("/alerts/{id}")
    @CanReadAlerts
    String alert(@PathVariable long id, HttpServletRequest http, Model model) {
        List<AlertViews.AlertView> one = views.alert(id);
        model.addAttribute("alerts", ListPage.of(one, one.size(), ListRequest.of(null, null, null, Alerts.SORT), http));
        model.addAttribute("single", id);
        model.addAttribute("query", AlertListQuery.of("/alerts"));
        return page(model, RuleForm.blank(), null);
    }

    @GetMapping("/alerts/rules/{id}/edit")
    @CanManageAlertRules
    String edit(@PathVariable long id, HttpServletRequest http, Model model) {
        firstPage(model, http);
        return page(model, RuleForm.of(views.rule(id)), id);
    }

    @PostMapping("/alerts/rules")
    @CanManageAlertRules
    String createRule(@ModelAttribute("form") RuleForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect, HttpServletRequest http) {
        return save(null, form, binding, model, redirect, http);
    }

    @PostMapping("/alerts/rules/{id}")
    @CanManageAlertRules
    String updateRule(@PathVariable long id, @ModelAttribute("form") RuleForm form, BindingResult binding,
                      Model model, RedirectAttributes redirect, HttpServletRequest http) {
        return save(id, form, binding, model, redirect, http);
    }

    @PostMapping("/alerts/rules/{id}/enable")
    @CanManageAlertRules
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.rule.enabled", () -> desk.enable(id, true));
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/rules/{id}/disable")
    @CanManageAlertRules
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.rule.disabled", () -> desk.enable(id, false));
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/rules/{id}/delete")
    @CanManageAlertRules
    String delete(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.rule.deleted", () -> desk.delete(id, who.getName()));
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @CanAcknowledgeAlerts
    String acknowledge(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.acknowledged", () -> desk.acknowledge(id, who.getName()));
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/{id}/resolve")
    @CanAcknowledgeAlerts
    String resolve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "alerts.resolved", () -> desk.resolve(id, who.getName()));
        return "redirect:/alerts";
    }

    /** Bad input stays on the form with what was typed and a message per field; a refused rule says why. */
    private String save(Long id, RuleForm form, BindingResult binding, Model model, RedirectAttributes redirect,
                        HttpServletRequest http) {
        List<String> problems = new java.util.ArrayList<>();
        binding.getFieldErrors().forEach(error -> problems.add(field(error.getField()) + "："
                + text("alerts.validation.notANumber")));
        // The form does not carry the silence window: an edit keeps it.
        NewRule request = form.toRequest(id == null ? null : views.rule(id).silencedUntil());
        Set<ConstraintViolation<NewRule>> violations = validator.validate(request);
        violations.stream().map(v -> field(v.getPropertyPath().toString()) + "：" + v.getMessage()).sorted()
                .forEach(problems::add);
        if (problems.isEmpty()) {
            try {
                if (id == null) {
                    desk.createRule(request);
                } else {
                    desk.updateRule(id, request);
                }
                redirect.addFlashAttribute("notice", id == null ? "alerts.rule.created" : "alerts.rule.updated");
                return "redirect:/alerts";
            } catch (ProblemException e) {
                model.addAttribute("problem", e);
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("violations", problems);
        }
        firstPage(model, http);
        return page(model, form, id);
    }

    /**
     * Under a rule form: the newest alerts, as the list opens by default — its links lead to the list, not to the
     * form's own address, and carry none of the form's fields.
     */
    private void firstPage(Model model, HttpServletRequest http) {
        AlertListQuery newest = AlertListQuery.of("/alerts");
        HttpServletRequest atTheList = new jakarta.servlet.http.HttpServletRequestWrapper(http) {
            @Override
            public String getRequestURI() {
                return http.getContextPath() + "/alerts";
            }

            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                return java.util.Map.of();
            }
        };
        model.addAttribute("alerts", list.page(newest, atTheList));
        model.addAttribute("query", newest);
    }

    private String page(Model model, RuleForm form, Long editing) {
        model.addAttribute("severities", AlertSeverity.values());
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("rules", views.rules());
        model.addAttribute("kinds", RuleKind.values());
        model.addAttribute("targets", views.targets());
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        return "alerting/alerts";
    }

    private String field(String property) {
        return text("alerts.field." + property.replaceAll("[\\[.].*", ""));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The page's rule form: notify targets picked from the configured ones (multi-select of ids). */
    record RuleForm(String name, RuleKind kind, String subject, Double threshold, Integer windowMinutes,
                    Integer minCalls, AlertSeverity severity, List<Long> targetIds, Integer forSeconds,
                    Integer recoverySeconds, Double recoveryThreshold, Integer maxAgeMinutes, String activeFrom,
                    String activeTo, List<Integer> activeDays) {

        RuleForm {
            targetIds = targetIds == null ? List.of() : targetIds;
            activeDays = activeDays == null ? List.of() : activeDays;
        }

        /** A time as typed ("07:00"; the input is a time picker); one that is not a time counts as not given. */
        private static java.time.LocalTime time(String text) {
            try {
                return text == null || text.isBlank() ? null : java.time.LocalTime.parse(text.trim());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        /** A new rule starts with a for-duration and a recovery that keep a hovering value from flapping. */
        static RuleForm blank() {
            return new RuleForm(null, RuleKind.FAILURE_RATE, null, null, 5, 20, AlertSeverity.WARNING, List.of(),
                    60, 120, null, null, null, null, List.of());
        }

        static RuleForm of(AlertViews.RuleView rule) {
            return new RuleForm(rule.name(), rule.kind(), rule.subject(), rule.threshold(), rule.windowMinutes(),
                    rule.minCalls(), rule.severity(), rule.targetIds(), rule.forSeconds(), rule.recoverySeconds(),
                    rule.recoveryThreshold(), rule.maxAgeMinutes(),
                    rule.activeFrom() == null ? null : rule.activeFrom().toString(),
                    rule.activeTo() == null ? null : rule.activeTo().toString(), rule.activeDays());
        }

        NewRule toRequest(java.time.Instant silencedUntil) {
            return new NewRule(name, kind, subject, threshold, windowMinutes == null ? 0 : windowMinutes,
                    minCalls == null ? 0 : minCalls, severity, silencedUntil, targetIds, forSeconds, recoverySeconds,
                    recoveryThreshold, maxAgeMinutes, time(activeFrom), time(activeTo), activeDays);
        }
    }
}
