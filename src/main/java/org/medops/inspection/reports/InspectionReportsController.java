package org.medops.inspection.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.permissions.CanRunInspection;
import org.medops.inspection.permissions.CanSignInspectionReports;
import org.medops.inspection.rounds.ItemResult;
import org.medops.inspection.rounds.Template;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 巡检报告: the register, one round's report with its edit and sign-off forms, its print page and files. */
@Controller
@RequestMapping("/inspection")
class InspectionReportsController {

    private final Reports reports;
    private final ReportDocuments documents;
    private final ReportRegister register;
    private final java.time.Clock clock;

    InspectionReportsController(Reports reports, ReportDocuments documents, ReportRegister register,
                                java.time.Clock clock) {
        this.reports = reports;
        this.documents = documents;
        this.register = register;
        this.clock = clock;
    }

    @GetMapping("/reports")
    @CanReadInspection
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String template,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, HttpServletRequest http, Model model) {
        try {
            ReportRegister.Filter filter = InspectionReportsApi.filter(state, template);
            model.addAttribute("page", ListPage.of(register, filter,
                    ListRequest.of(page, size, sort, ReportRegister.SORT), http));
            model.addAttribute("filter", filter);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("page", ListPage.empty(ReportRegister.SORT, http));
            model.addAttribute("filter", new ReportRegister.Filter(null, null));
        }
        model.addAttribute("templates", Template.values());
        return "inspection/reports";
    }

    @GetMapping("/rounds/{id}/report")
    @CanReadInspection
    String one(@PathVariable long id, Locale locale, Model model) {
        model.addAttribute("r", reports.view(id, locale));
        model.addAttribute("eSignature", documents.electronicSignature(id).orElse(null));
        model.addAttribute("results", ItemResult.values());
        model.addAttribute("pdfAvailable", documents.font().isPresent());
        return "inspection/report";
    }

    @GetMapping("/rounds/{id}/report/print")
    @CanReadInspection
    String print(@PathVariable long id, Locale locale, Model model) {
        model.addAttribute("r", reports.view(id, locale));
        model.addAttribute("printedAt", clock.instant());
        model.addAttribute("pdf", false);
        model.addAttribute("pdfAvailable", documents.font().isPresent());
        return "inspection/report-print";
    }

    @GetMapping("/rounds/{id}/report/pdf")
    @CanReadInspection
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        return documents.download(documents.download(reports.view(id, locale), locale), MediaType.APPLICATION_PDF,
                "inspection-report-" + id + ".pdf");
    }

    @GetMapping("/rounds/{id}/report/docx")
    @CanReadInspection
    ResponseEntity<byte[]> docx(@PathVariable long id, Locale locale) {
        return documents.download(documents.docx(reports.view(id, locale), locale), ReportDocuments.DOCX,
                "inspection-report-" + id + ".docx");
    }

    /** The edit form: one row of fields per finding ({@code target}, {@code check}, … as parallel lists). */
    @PostMapping("/rounds/{id}/report")
    @CanRunInspection
    String edit(@PathVariable long id, @RequestParam(required = false) String remarks, HttpServletRequest http,
                Authentication who, Locale locale, RedirectAttributes redirect) {
        // Read as arrays: a lone value holding commas must not be split the way a List parameter would be.
        List<String> targets = values(http, "target");
        List<String> checks = values(http, "check");
        List<String> results = values(http, "result");
        List<String> findings = values(http, "finding");
        List<String> causes = values(http, "cause");
        List<String> actions = values(http, "action");
        List<Finding> rows = new ArrayList<>();
        int count = Math.max(findings.size(), Math.max(causes.size(), actions.size()));
        for (int i = 0; i < count; i++) {
            rows.add(new Finding(at(targets, i), at(checks, i), result(at(results, i)), at(findings, i), at(causes, i),
                    at(actions, i)));
        }
        ConsoleActions.attempt(redirect, "inspection.report.saved",
                () -> reports.edit(id, new ReportEdit(rows, remarks == null ? "" : remarks), who.getName(), locale));
        return "redirect:/inspection/rounds/" + id + "/report";
    }

    @PostMapping("/rounds/{id}/report/sign")
    @CanSignInspectionReports
    String sign(@PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(required = false) String statement, Authentication who, Locale locale,
                RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "inspection.report.signedNoticeShort",
                () -> reports.sign(id, new SignRequest(name, statement), who.getName(), locale));
        return "redirect:/inspection/rounds/" + id + "/report";
    }

    private static List<String> values(HttpServletRequest http, String name) {
        String[] values = http.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static ItemResult result(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (ItemResult r : ItemResult.values()) {
            if (r.name().equals(value.strip())) {
                return r;
            }
        }
        return null;
    }
}
