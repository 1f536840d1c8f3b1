package org.medops.integration.critical;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanHandleCriticalValues;
import org.medops.integration.permissions.CanReadCriticalContent;
import org.medops.integration.permissions.CanReadCriticalValues;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 危急值闭环 for clinical operators: the board of critical values (open ones by default, overdue highlighted), a
 * record with its timeline and its next step, the stage-time report with its Excel export, and the rules, the
 * department contacts and the channel back to HIS (forms bound to the API's records, refused input shown in words).
 */
@Controller
@RequestMapping("/integration/critical-values")
class CriticalValuesController {

    private final CriticalBoard board;
    private final CriticalLoop loop;
    private final CriticalValues values;
    private final ChannelDirectory channels;

    CriticalValuesController(CriticalBoard board, CriticalLoop loop, CriticalValues values, ChannelDirectory channels) {
        this.board = board;
        this.loop = loop;
        this.values = values;
        this.channels = channels;
    }

    @GetMapping
    @CanReadCriticalContent
    String board(CriticalBoard.Query query, @RequestParam(required = false) String export, Authentication who,
                 Locale locale, HttpServletRequest http, HttpServletResponse response, Model model) throws IOException {
        CriticalBoard.Query shown = query.open() == null && query.status() == null && query.overdue() == null
                ? new CriticalBoard.Query(null, true, query.department(), null, query.from(), query.to(), query.page(),
                query.size(), query.sort())
                : query;
        if (export != null) {
            board.exportList(shown, export, who, locale, http, response);
            return null;
        }
        model.addAttribute("page", board.page(shown, who, http));
        model.addAttribute("query", shown);
        model.addAttribute("whole", CriticalBoard.whole(who));
        return "integration/critical-values";
    }

    @GetMapping("/{id}")
    @CanReadCriticalContent
    String one(@PathVariable long id, Authentication who, Model model) {
        model.addAttribute("detail", board.detail(id, who));
        return "integration/critical-value";
    }

    @GetMapping("/report")
    @CanReadCriticalValues
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        model.addAttribute("rows", board.report(from, to));
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        return "integration/critical-report";
    }

    @GetMapping("/report/export")
    @CanReadCriticalValues
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        board.exportReport(from, to, format, locale, http, response);
    }

    @PostMapping("/{id}/acknowledge")
    @CanHandleCriticalValues
    String acknowledge(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.acknowledged", () -> loop.acknowledge(id, who.getName()));
        return "redirect:/integration/critical-values/" + id;
    }

    @PostMapping("/{id}/handle")
    @CanHandleCriticalValues
    String handle(@PathVariable long id, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "") String note, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.handled", () -> loop.handle(id, who.getName(), action, note));
        return "redirect:/integration/critical-values/" + id;
    }

    @PostMapping("/{id}/close")
    @CanHandleCriticalValues
    String close(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.closed", () -> loop.close(id, who.getName()));
        return "redirect:/integration/critical-values/" + id;
    }

    @GetMapping("/settings")
    @CanReadCriticalValues
    String settings(Model model) {
        model.addAttribute("rules", values.namedRules());
        model.addAttribute("departments", values.departments());
        model.addAttribute("his", values.his().orElse(null));
        model.addAttribute("defaultType", HisMessage.DEFAULT_TYPE);
        model.addAttribute("defaultMinutes", loop.defaultMinutes());
        model.addAttribute("defaultHandleMinutes", loop.defaultHandleMinutes());
        model.addAttribute("channels", channels.all());
        return "integration/critical-settings";
    }

    /** The rule form: the API's {@link CriticalValuesApi.Rule}; a bound that is not a number is refused in words. */
    @PostMapping("/settings/rules")
    @CanEditIntegrationChannels
    String rule(@RequestParam(defaultValue = "") String itemCode, @ModelAttribute CriticalValuesApi.Rule rule,
                BindingResult binding, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.rule.saved", () -> {
            if (binding.hasErrors()) {
                throw ProblemException.invalid("critical-rule-number");
            }
            loop.saveRule(itemCode.strip(), blank(rule.name()), rule.low(), rule.high());
        });
        return "redirect:/integration/critical-values/settings";
    }

    @PostMapping("/settings/rules/{itemCode}/delete")
    @CanEditIntegrationChannels
    String deleteRule(@PathVariable String itemCode, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.rule.deleted", () -> loop.deleteRule(itemCode));
        return "redirect:/integration/critical-values/settings";
    }

    /** The contacts form: the API's {@link CriticalValuesApi.Contacts}, minutes that are not whole numbers refused. */
    @PostMapping("/settings/departments")
    @CanEditIntegrationChannels
    String department(@RequestParam(defaultValue = "") String department,
                      @ModelAttribute CriticalValuesApi.Contacts contacts, BindingResult binding,
                      RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.department.saved", () -> {
            if (binding.hasErrors()) {
                throw ProblemException.invalid("critical-department-minutes");
            }
            loop.saveDepartment(contacts.of(department, loop.defaultMinutes()));
        });
        return "redirect:/integration/critical-values/settings";
    }

    @PostMapping("/settings/departments/{department}/delete")
    @CanEditIntegrationChannels
    String deleteDepartment(@PathVariable String department, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.department.deleted", () -> loop.deleteDepartment(department));
        return "redirect:/integration/critical-values/settings";
    }

    @PostMapping("/settings/his")
    @CanEditIntegrationChannels
    String his(@ModelAttribute CriticalValuesApi.His his, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.his.saved",
                () -> CriticalValuesApi.saveHis(loop, channels, his, who.getName()));
        return "redirect:/integration/critical-values/settings";
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
