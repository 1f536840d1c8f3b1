package org.medops.inspection.rounds;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.permissions.CanRunInspection;
import org.medops.inspection.targets.Targets;
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

/** 巡检轮次: the rounds (paged, filtered, exported) with the run-now form, and one round's results by target. */
@Controller
@RequestMapping("/inspection/rounds")
class RoundsController {

    private final RoundRunner runner;
    private final RoundViews views;
    private final Targets targets;

    RoundsController(RoundRunner runner, RoundViews views, Targets targets) {
        this.runner = runner;
        this.views = views;
        this.targets = targets;
    }

    @GetMapping
    @CanReadInspection
    String list(RoundViews.RoundQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response,
                Model model) throws IOException {
        if (query.export() != null) {
            views.export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("page", views.page(query, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("page", views.empty(http));
        }
        model.addAttribute("query", query);
        model.addAttribute("templates", Template.values());
        model.addAttribute("statuses", RoundStatus.values());
        model.addAttribute("targets", targets.all(false));
        return "inspection/rounds";
    }

    @PostMapping
    @CanRunInspection
    String run(@RequestParam(required = false) String template,
               @RequestParam(name = "target", required = false) List<String> chosen, Authentication who,
               RedirectAttributes redirect) {
        try {
            long id = runner.start(RoundsApi.template(template), chosen == null ? List.of() : chosen,
                    RoundTrigger.MANUAL, null, who.getName());
            redirect.addFlashAttribute("notice", "inspection.round.started");
            return "redirect:/inspection/rounds/" + id;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/inspection/rounds";
        }
    }

    @GetMapping("/{id}")
    @CanReadInspection
    String round(@PathVariable long id, Model model) {
        model.addAttribute("round", views.round(id));
        return "inspection/round";
    }
}
