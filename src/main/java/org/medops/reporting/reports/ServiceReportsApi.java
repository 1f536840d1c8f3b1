package org.medops.reporting.reports;

import java.util.Locale;

import org.medops.reporting.permissions.CanReadReporting;
import org.medops.reporting.permissions.CanScoreScorecards;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly service report ({@code period=2026-Q3}) and the annual summary ({@code period=2026}): the figures
 * as JSON, the suggestions to write, the documents to download.
 */
@RestController
@RequestMapping("/api/v1/reports/service")
class ServiceReportsApi {

    private final ServiceReportDesk desk;
    private final ServiceReportFiles files;

    ServiceReportsApi(ServiceReportDesk desk, ServiceReportFiles files) {
        this.desk = desk;
        this.files = files;
    }

    @GetMapping
    @CanReadReporting
    ServiceReport report(@RequestParam(required = false) String period, Locale locale) {
        return desk.report(ReportPeriod.parse(period), locale);
    }

    /** Body {@code {"text": "…", "version": 3}}; the version read, so a concurrent edit is a 409 rather than lost. */
    @PutMapping("/suggestions")
    @CanScoreScorecards
    ServiceReport.Suggestions suggestions(@RequestParam(required = false) String period,
                                          @RequestBody SuggestionsEdit edit, Authentication who) {
        return desk.editSuggestions(ReportPeriod.parse(period), edit, who.getName());
    }

    @GetMapping("/pdf")
    @CanReadReporting
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String period, Locale locale) {
        return files.download(period, "pdf", locale);
    }

    @GetMapping("/docx")
    @CanReadReporting
    ResponseEntity<byte[]> docx(@RequestParam(required = false) String period, Locale locale) {
        return files.download(period, "docx", locale);
    }

    @GetMapping("/xlsx")
    @CanReadReporting
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period, Locale locale) {
        return files.download(period, "xlsx", locale);
    }
}
