package org.medops.inspection.reports;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.permissions.CanRunInspection;
import org.medops.inspection.permissions.CanSignInspectionReports;
import org.medops.inspection.rounds.Template;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's report over REST: read, edit (the engineer), sign (the information department), the signed text, the
 * PDF and the Word copy; and the register of all reports.
 */
@RestController
@RequestMapping("/api/v1/inspection")
class InspectionReportsApi {

    private final Reports reports;
    private final ReportDocuments documents;
    private final ReportRegister register;

    InspectionReportsApi(Reports reports, ReportDocuments documents, ReportRegister register) {
        this.reports = reports;
        this.documents = documents;
        this.register = register;
    }

    @GetMapping("/reports")
    @CanReadInspection
    ListPage<ReportRegister.Row> list(@RequestParam(required = false) String state,
                                      @RequestParam(required = false) String template,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(register, filter(state, template), ListRequest.of(page, size, sort, ReportRegister.SORT), http);
    }

    @GetMapping("/rounds/{id}/report")
    @CanReadInspection
    ReportView one(@PathVariable long id, Locale locale) {
        return reports.view(id, locale);
    }

    @PutMapping("/rounds/{id}/report")
    @CanRunInspection
    ReportView edit(@PathVariable long id, @RequestBody ReportEdit edit, Authentication who, Locale locale) {
        return reports.edit(id, edit, who.getName(), locale);
    }

    @PostMapping("/rounds/{id}/report/sign")
    @CanSignInspectionReports
    ReportView sign(@PathVariable long id, @RequestBody SignRequest request, Authentication who, Locale locale) {
        return reports.sign(id, request, who.getName(), locale);
    }

    @GetMapping(value = "/rounds/{id}/report/signed.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @CanReadInspection
    String signed(@PathVariable long id) {
        return reports.signedContent(id);
    }

    @GetMapping("/rounds/{id}/report.pdf")
    @CanReadInspection
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        return documents.download(documents.download(reports.view(id, locale), locale), MediaType.APPLICATION_PDF,
                "inspection-report-" + id + ".pdf");
    }

    @GetMapping("/rounds/{id}/report.docx")
    @CanReadInspection
    ResponseEntity<byte[]> docx(@PathVariable long id, Locale locale) {
        return documents.download(documents.docx(reports.view(id, locale), locale), ReportDocuments.DOCX,
                "inspection-report-" + id + ".docx");
    }

    static ReportRegister.Filter filter(String state, String template) {
        String chosen = state == null || state.isBlank() ? null : state.strip();
        if (chosen != null && !chosen.equals("signed") && !chosen.equals("unsigned")) {
            throw ProblemException.invalid("inspection-report-state-invalid", chosen);
        }
        Template t = null;
        if (template != null && !template.isBlank()) {
            try {
                t = Template.valueOf(template.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("inspection-schedule-template-invalid", template);
            }
        }
        return new ReportRegister.Filter(chosen, t);
    }
}
