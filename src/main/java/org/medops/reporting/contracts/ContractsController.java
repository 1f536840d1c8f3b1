package org.medops.reporting.contracts;

import java.math.BigDecimal;

import org.medops.reporting.permissions.CanFinalizeScorecards;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FormValues;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The milestones page's buttons: the hospital records a milestone's invoice and its payment. */
@Controller
@RequestMapping("/reporting/milestones")
class ContractsController {

    private final ServiceContracts contracts;

    ContractsController(ServiceContracts contracts) {
        this.contracts = contracts;
    }

    @PostMapping("/{id}/invoice")
    @CanFinalizeScorecards
    String invoice(@PathVariable long id, @RequestParam(required = false) String receivedOn,
                   @RequestParam(required = false) String year, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "reporting.milestone.invoiced", () -> contracts.invoice(id, FormValues.day(receivedOn, "reporting-day-invalid")));
        return back(year);
    }

    @PostMapping("/{id}/payment")
    @CanFinalizeScorecards
    String pay(@PathVariable long id, @RequestParam(required = false) String paidOn,
               @RequestParam(required = false) String amount, @RequestParam(required = false) String year,
               RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "reporting.milestone.paid", () -> {
            BigDecimal paid;
            try {
                paid = new BigDecimal(amount == null ? "" : amount.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("reporting-number-invalid", String.valueOf(amount));
            }
            contracts.pay(id, FormValues.day(paidOn, "reporting-day-invalid"), paid);
        });
        return back(year);
    }

    private static String back(String year) {
        return "redirect:/reporting/milestones" + (year == null || !year.matches("\\d{4}") ? "" : "?contractYear=" + year);
    }
}
