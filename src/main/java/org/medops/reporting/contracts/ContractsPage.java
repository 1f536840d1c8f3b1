package org.medops.reporting.contracts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.reporting.permissions.CanManageContracts;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.settings.Settings;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 服务合同: a contract year's scorecard items, bands and milestones for everyone who reads reporting; for the system
 * administrator the next year's contract (copied from the one shown, or seed 001's defaults) and the items' points.
 */
@Controller
@RequestMapping("/reporting/contracts")
class ContractsPage {

    private final ServiceContracts contracts;
    private final Validator validator;
    private final FieldMessages fieldMessages;
    private final Settings settings;
    private final Clock clock;

    ContractsPage(ServiceContracts contracts, Validator validator, FieldMessages fieldMessages, Settings settings,
                  Clock clock) {
        this.contracts = contracts;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    @CanReadReporting
    String page(@RequestParam(required = false) Integer contractYear, Model model, HttpServletResponse response) {
        List<Contract> all = contracts.all();
        LocalDate today = LocalDate.now(clock.withZone(settings.current().zone()));
        Optional<Contract> contract = contractYear != null ? contracts.byYear(contractYear)
                : contracts.covering(today).or(() -> all.stream().findFirst());
        model.addAttribute("contracts", all);
        model.addAttribute("bases", BandBasis.values());
        contract.ifPresent(c -> {
            model.addAttribute("contract", c);
            model.addAttribute("milestones", contracts.milestones(c.id()));
        });
        model.addAttribute("form", ContractForm.next(contract, all, today));
        if (contract.isEmpty() && contractYear != null) {
            response.setStatus(404);
        }
        return "reporting/contracts";
    }

    @PostMapping
    @CanManageContracts
    String create(ContractForm form, RedirectAttributes redirect) {
        try {
            Optional<Contract> template = form.copyFrom() == null ? Optional.empty() : contracts.find(form.copyFrom());
            ContractRequests.NewContract request = form.toRequest(template,
                    template.map(t -> contracts.milestones(t.id())).orElse(List.of()));
            Contract created = contracts.create(valid(request));
            redirect.addFlashAttribute("notice", "contracts.notice.created");
            return "redirect:/reporting/contracts?contractYear=" + created.year();
        } catch (Invalid e) {
            redirect.addFlashAttribute("violations", e.messages);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/reporting/contracts";
    }

    /** The points of each item ({@code points.<code>}) and the band basis; names and criteria stay as agreed. */
    @PostMapping("/{id:\\d+}/items")
    @CanManageContracts
    String items(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
        Contract contract = contracts.find(id).orElseThrow(() -> ProblemException.notFound("reportingContract", id));
        try {
            contracts.changeItems(id, valid(ContractForm.items(contract, fields)));
            redirect.addFlashAttribute("notice", "contracts.notice.items");
        } catch (Invalid e) {
            redirect.addFlashAttribute("violations", e.messages);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/reporting/contracts?contractYear=" + contract.year();
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new Invalid(fieldMessages.of(violations));
        }
        return request;
    }

    /** Validation failed on a form: the messages go back to the page. */
    private static final class Invalid extends RuntimeException {
        private final List<String> messages;

        Invalid(List<String> messages) {
            super(null, null, false, false);
            this.messages = messages;
        }
    }
}
