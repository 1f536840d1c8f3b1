package org.medops.reporting.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medops.opsdesk.HospitalZone;
import org.medops.reporting.contracts.ServiceContracts;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.reporting.permissions.CanScoreScorecards;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 服务报告: pick a quarter or a year, read the report with its charts, write the suggestions, download the files. */
@Controller
@RequestMapping("/reporting/service-report")
class ServiceReportController {

    private static final int YEARS_OFFERED = 3;

    private final ServiceReportDesk desk;
    private final ReportLayout layout;
    private final ReportFiles files;
    private final ServiceReportFiles downloads;
    private final HospitalZone zone;
    private final Clock clock;
    private final ReportPeriods periods;
    private final ServiceContracts contracts;

    ServiceReportController(ServiceReportDesk desk, ReportLayout layout, ReportFiles files,
                            ServiceReportFiles downloads, HospitalZone zone, Clock clock, ReportPeriods periods,
                            ServiceContracts contracts) {
        this.periods = periods;
        this.contracts = contracts;
        this.desk = desk;
        this.layout = layout;
        this.files = files;
        this.downloads = downloads;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping
    @CanReadReporting
    String page(@RequestParam(required = false) String period, Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone.get()));
        ReportPeriod chosen;
        try {
            chosen = period == null || period.isBlank() ? ReportPeriod.quarterOf(today) : periods.parse(period);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            chosen = ReportPeriod.quarterOf(today);
        }
        ServiceReport report = desk.report(chosen, locale);
        List<ReportBlock> blocks = layout.blocks(report, locale);
        model.addAllAttributes(files.printModel(report, layout.title(report, locale), blocks));
        model.addAttribute("period", chosen.toString());
        model.addAttribute("previous", chosen.previous().toString());
        model.addAttribute("next", chosen.next().toString());
        model.addAttribute("choices", choices(today));
        List<ContractChoice> contractChoices = contractChoices(today);
        String shown = chosen.toString();
        if (chosen.contract() != null && contractChoices.stream().noneMatch(c -> c.value().equals(shown))) {
            // A contract period opened by its link (a later or older contract) is still the one selected.
            contractChoices.add(0, new ContractChoice(shown, chosen.contract().year(), chosen.contract().name(),
                    chosen.annual() ? null : chosen.calendarLabel()));
        }
        model.addAttribute("contractChoices", contractChoices);
        model.addAttribute("pdfAvailable", files.pdfAvailable());
        return "reporting/service-report";
    }

    @GetMapping("/print")
    @CanReadReporting
    String print(@RequestParam String period, Locale locale, Model model) {
        ServiceReport report = desk.report(periods.parse(period), locale);
        List<ReportBlock> blocks = layout.blocks(report, locale);
        model.addAllAttributes(files.printModel(report, layout.title(report, locale), blocks));
        model.addAttribute("pdf", false);
        model.addAttribute("pdfAvailable", files.pdfAvailable());
        return "reporting/service-report-print";
    }

    @PostMapping("/suggestions")
    @CanScoreScorecards
    String suggestions(@RequestParam String period, @RequestParam(required = false) String text,
                       @RequestParam(required = false) Integer version, Authentication who,
                       RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "servicereport.suggestions.saved", () -> desk.editSuggestions(
                periods.parse(period), new SuggestionsEdit(text, version), who.getName()));
        return "redirect:" + UriComponentsBuilder.fromPath("/reporting/service-report")
                .queryParam("period", period).encode().toUriString() + "#block-suggestions";
    }

    @GetMapping("/pdf")
    @CanReadReporting
    ResponseEntity<byte[]> pdf(@RequestParam String period, Locale locale) {
        return downloads.download(periods.parse(period), "pdf", locale);
    }

    @GetMapping("/docx")
    @CanReadReporting
    ResponseEntity<byte[]> docx(@RequestParam String period, Locale locale) {
        return downloads.download(periods.parse(period), "docx", locale);
    }

    @GetMapping("/xlsx")
    @CanReadReporting
    ResponseEntity<byte[]> xlsx(@RequestParam String period, Locale locale) {
        return downloads.download(periods.parse(period), "xlsx", locale);
    }

    /** One choice of a contract-bound period: {@code quarter} null for the whole contract year. */
    record ContractChoice(String value, int year, String name, String quarter) {
    }

    /** Each contract that has begun, newest first: its contract year, then its quarters that have begun. */
    private List<ContractChoice> contractChoices(LocalDate today) {
        List<ContractChoice> choices = new ArrayList<>();
        contracts.all().stream().filter(c -> !c.startsOn().isAfter(today))
                .sorted(java.util.Comparator.comparing(org.medops.reporting.contracts.Contract::startsOn).reversed())
                .limit(YEARS_OFFERED).forEach(c -> {
                    ReportPeriod year = ReportPeriod.ofContract(c, null);
                    choices.add(new ContractChoice(year.toString(), c.year(), c.name(), null));
                    List<ReportPeriod> quarters = new ArrayList<>(year.quarters());
                    java.util.Collections.reverse(quarters);
                    quarters.stream().filter(q -> !q.first().isAfter(today)).forEach(q ->
                            choices.add(new ContractChoice(q.toString(), c.year(), c.name(), q.calendarLabel())));
                });
        return choices;
    }

    /** This year and the two before, newest first: each year, then its quarters that have begun. */
    private static List<String> choices(LocalDate today) {
        List<String> choices = new ArrayList<>();
        for (int year = today.getYear(); year > today.getYear() - YEARS_OFFERED; year--) {
            choices.add(String.valueOf(year));
            for (int q = 4; q >= 1; q--) {
                ReportPeriod quarter = new ReportPeriod(year, q);
                if (!quarter.first().isAfter(today)) {
                    choices.add(quarter.toString());
                }
            }
        }
        return choices;
    }
}
