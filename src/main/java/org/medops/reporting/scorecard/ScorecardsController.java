package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.ServiceContracts;
import org.medops.reporting.permissions.CanFinalizeScorecards;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.reporting.permissions.CanScoreScorecards;
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

/** 服务考核表: the register, the review page (strike, adjust, add, finalise), the year's summary and milestones. */
@Controller
@RequestMapping("/reporting")
class ScorecardsController {

    private final ScorecardDesk desk;
    private final Scorecards cards;
    private final ServiceContracts contracts;

    private final org.medops.signature.SignedDocuments signedDocuments;

    ScorecardsController(ScorecardDesk desk, Scorecards cards, ServiceContracts contracts,
                         org.medops.signature.SignedDocuments signedDocuments) {
        this.signedDocuments = signedDocuments;
        this.desk = desk;
        this.cards = cards;
        this.contracts = contracts;
    }

    @GetMapping("/scorecards")
    @CanReadReporting
    String list(Model model) {
        model.addAttribute("cards", cards.recent(40).stream().map(desk::view).toList());
        List<String> quarters = new ArrayList<>();
        Quarter q = desk.currentQuarter();
        for (int i = 0; i < 5; i++, q = q.previous()) {
            quarters.add(q.toString());
        }
        model.addAttribute("quarters", quarters);
        return "reporting/scorecards";
    }

    @PostMapping("/scorecards")
    @CanScoreScorecards
    String draft(@RequestParam(required = false) String quarter, Authentication who, RedirectAttributes redirect) {
        try {
            Scorecard card = desk.draft(Quarter.parse(quarter), who.getName());
            redirect.addFlashAttribute("notice", "scorecard.notice.drafted");
            return "redirect:/reporting/scorecards/" + card.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/reporting/scorecards";
        }
    }

    @GetMapping("/scorecards/{id:\\d+}")
    @CanReadReporting
    String one(@PathVariable long id, Model model) {
        Scorecard card = desk.find(id);
        model.addAttribute("card", desk.view(card));
        model.addAttribute("contract", desk.contractOf(card));
        model.addAttribute("eSignature", signedDocuments.find(ScorecardDesk.SIGNED_TYPE, Long.toString(id)).orElse(null));
        return "reporting/scorecard";
    }

    @PostMapping("/scorecards/{id:\\d+}/deductions/{deductionId}/strike")
    @CanScoreScorecards
    String strike(@PathVariable long id, @PathVariable long deductionId, @RequestParam(required = false) String reason,
                  Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "scorecard.notice.struck", () -> desk.strike(id, deductionId, required(reason),
                who.getName()));
    }

    @PostMapping("/scorecards/{id:\\d+}/deductions/{deductionId}/adjust")
    @CanScoreScorecards
    String adjust(@PathVariable long id, @PathVariable long deductionId, @RequestParam(required = false) String points,
                  @RequestParam(required = false) String reason, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "scorecard.notice.adjusted", () -> desk.adjust(id, deductionId, points(points),
                required(reason), who.getName()));
    }

    @PostMapping("/scorecards/{id:\\d+}/deductions")
    @CanScoreScorecards
    String add(@PathVariable long id, @RequestParam(required = false) String itemCode,
               @RequestParam(required = false) String points, @RequestParam(required = false) String text,
               @RequestParam(required = false) String evidence, @RequestParam(required = false) String reason,
               Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "scorecard.notice.added", () -> desk.add(id, new ScorecardRequests.Add(itemCode,
                points(points), required(text), evidence, required(reason)), who.getName()));
    }

    @PostMapping("/scorecards/{id:\\d+}/finalize")
    @CanFinalizeScorecards
    String finalize(@PathVariable long id, @RequestParam(required = false) String signerName, Authentication who,
                    RedirectAttributes redirect) {
        return act(id, redirect, "scorecard.notice.finalized", () -> desk.finalize(id, signerName, who.getName()));
    }

    @GetMapping("/summary")
    @CanReadReporting
    String summary(@RequestParam(required = false) Integer contractYear, Model model, HttpServletResponse response) {
        Optional<Contract> contract = chosen(contractYear, model);
        if (contract.isEmpty()) {
            response.setStatus(contractYear == null ? 200 : 404);
        } else {
            model.addAttribute("summary", YearSummary.of(contract.get(), cards.ofContract(contract.get().id())));
        }
        return "reporting/summary";
    }

    @GetMapping("/milestones")
    @CanReadReporting
    String milestones(@RequestParam(required = false) Integer contractYear, Model model, HttpServletResponse response) {
        Optional<Contract> contract = chosen(contractYear, model);
        if (contract.isEmpty()) {
            response.setStatus(contractYear == null ? 200 : 404);
        } else {
            YearSummary summary = YearSummary.of(contract.get(), cards.ofContract(contract.get().id()));
            model.addAttribute("summary", summary);
            model.addAttribute("plan", MilestonePlan.of(contract.get(), contracts.milestones(contract.get().id()),
                    summary.paymentPercent()));
        }
        return "reporting/milestones";
    }

    /** The year asked for, else the contract running today, else the newest. */
    private Optional<Contract> chosen(Integer year, Model model) {
        List<Contract> all = contracts.all();
        model.addAttribute("contracts", all);
        Optional<Contract> contract = year != null ? contracts.byYear(year)
                : contracts.covering(desk.currentQuarter().first()).or(() -> all.stream().findFirst());
        contract.ifPresent(c -> model.addAttribute("contract", c));
        return contract;
    }

    private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/reporting/scorecards/" + id;
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("reporting-reason-required");
        }
        return text;
    }

    private static BigDecimal points(String text) {
        try {
            BigDecimal points = new BigDecimal(text == null ? "" : text.strip());
            if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ProblemException.invalid("reporting-points-invalid", text);
            }
            return points;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("reporting-points-invalid", String.valueOf(text));
        }
    }
}
