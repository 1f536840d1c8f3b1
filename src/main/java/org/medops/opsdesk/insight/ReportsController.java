package org.medops.opsdesk.insight;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.sla.TargetKind;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 服务报表: SLA compliance, response and resolution distributions, workload. */
@Controller
class ReportsController {

    private final ServiceReports reports;
    private final HospitalZone zone;
    private final Clock clock;
    private final ServiceReportExport export;

    ReportsController(ServiceReports reports, HospitalZone zone, Clock clock, ServiceReportExport export) {
        this.export = export;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/opsdesk/reports")
    @CanReadReports
    String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                   HttpServletResponse response) {
        ReportsApi.Period period;
        try {
            period = ReportsApi.Period.of(from, to, zone.get(), clock);
        } catch (ProblemException e) {
            // A reversed or unreadable period: the form again, as typed, with the message
            model.addAttribute("problem", e);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            response.setStatus(e.status().value());
            return "opsdesk/reports";
        }
        Instant start = period.from().toInstant();
        Instant end = period.to().toInstant();
        model.addAttribute("from", period.from().toLocalDate());
        model.addAttribute("to", period.to().toLocalDate());
        model.addAttribute("byMonth", reports.compliance("month", start, end, zone.get()));
        model.addAttribute("byPriority", reports.compliance("priority", start, end, zone.get()));
        model.addAttribute("bySystem", reports.compliance("system", start, end, zone.get()));
        model.addAttribute("byEngineer", reports.compliance("engineer", start, end, zone.get()));
        model.addAttribute("byKind", reports.compliance("kind", start, end, zone.get()));
        model.addAttribute("responses", reports.distribution(TargetKind.RESPONSE, start, end));
        model.addAttribute("resolutions", reports.distribution(TargetKind.RESOLUTION, start, end));
        model.addAttribute("workload", reports.workload(start, end));
        return "opsdesk/reports";
    }

    /** The figures the page shows, as Excel (or CSV); a reversed period is refused like on the page. */
    @GetMapping({"/opsdesk/reports/export.xlsx", "/opsdesk/reports/export.csv"})
    @CanReadReports
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
                HttpServletRequest http, HttpServletResponse response) throws IOException {
        export.write(ReportsApi.Period.of(from, to, zone.get(), clock),
                http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, response);
    }
}
