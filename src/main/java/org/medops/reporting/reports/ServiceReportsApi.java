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
 * The quarterly service report ({@code period=2026-Q3}) and the annual summary ({@code period=2026}), or bound to a
 * service contract ({@code contractYear=2026}, with {@code period=2026-Q3} for a quarter of it; or
 * {@code period=C2026:2026-Q3}): the figures as JSON, the suggestions to write, the documents to download.
 */
@RestController
@RequestMapping("/api/v1/reports/service")
class ServiceReportsApi {

    private final ServiceReportDesk desk;
    private final ServiceReportFiles files;
    private final ReportPeriods periods;

    ServiceReportsApi(ServiceReportDesk desk, ServiceReportFiles files, ReportPeriods periods) {
        this.desk = desk;
        this.files = files;
        this.periods = periods;
    }

    @GetMapping
    @CanReadReporting
    ServiceReport report(@RequestParam(required = false) String period,
                          @RequestParam(required = false) Integer contractYear, Locale locale) {
        return desk.report(periods.of(period, contractYear), locale);
    }

    /** Body {@code {"text": "…", "version": 3}}; the version read, so a concurrent edit is a 409 rather than lost. */
    @PutMapping("/suggestions")
    @CanScoreScorecards
    ServiceReport.Suggestions suggestions(@RequestParam(required = false) String period,
                          @RequestParam(required = false) Integer contractYear,
                                          @RequestBody SuggestionsEdit edit, Authentication who) {
        return desk.editSuggestions(periods.of(period, contractYear), edit, who.getName());
    }

    @GetMapping("/pdf")
    @CanReadReporting
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String period,
                          @RequestParam(required = false) Integer contractYear, Locale locale) {
        return files.download(periods.of(period, contractYear), "pdf", locale);
    }

    @GetMapping("/docx")
    @CanReadReporting
    ResponseEntity<byte[]> docx(@RequestParam(required = false) String period,
                          @RequestParam(required = false) Integer contractYear, Locale locale) {
        return files.download(periods.of(period, contractYear), "docx", locale);
    }

    @GetMapping("/xlsx")
    @CanReadReporting
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period,
                          @RequestParam(required = false) Integer contractYear, Locale locale) {
        return files.download(periods.of(period, contractYear), "xlsx", locale);
    }
}
