package org.medops.integration.critical;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.shared.ConsoleActions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 危急值闭环 for clinical operators: the board of critical values (open ones by default, overdue highlighted), a
 * record with its timeline and its next step, and the stage-time report with its Excel export.
 */
@Controller
@RequestMapping("/integration/critical-values")
class CriticalValuesController {

    private final CriticalBoard board;
    private final CriticalLoop loop;

    CriticalValuesController(CriticalBoard board, CriticalLoop loop) {
        this.board = board;
        this.loop = loop;
    }

    @GetMapping
    @CanReadIntegration
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
    @CanReadIntegration
    String one(@PathVariable long id, Authentication who, Model model) {
        model.addAttribute("detail", board.detail(id, who));
        return "integration/critical-value";
    }

    @GetMapping("/report")
    @CanReadIntegration
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        model.addAttribute("rows", board.report(from, to));
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        return "integration/critical-report";
    }

    @GetMapping("/report/export")
    @CanReadIntegration
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        board.exportReport(from, to, format, locale, http, response);
    }

    @PostMapping("/{id}/acknowledge")
    @CanOperateIntegration
    String acknowledge(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.acknowledged", () -> loop.acknowledge(id, who.getName()));
        return "redirect:/integration/critical-values/" + id;
    }

    @PostMapping("/{id}/handle")
    @CanOperateIntegration
    String handle(@PathVariable long id, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "") String note, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.handled", () -> loop.handle(id, who.getName(), action, note));
        return "redirect:/integration/critical-values/" + id;
    }

    @PostMapping("/{id}/close")
    @CanOperateIntegration
    String close(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "critical.closed", () -> loop.close(id, who.getName()));
        return "redirect:/integration/critical-values/" + id;
    }
}
