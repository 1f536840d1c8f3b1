package org.medops.opsdesk.insight;

import org.medops.opsdesk.HospitalZone;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opsdesk")
class ReportsApi {

    private final ServiceReports reports;
    private final HospitalZone zone;
    private final Clock clock;
    private final ServiceReportExport export;

    ReportsApi(ServiceReports reports, HospitalZone zone, Clock clock, ServiceReportExport export) {
        this.export = export;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
    }

    /** Counts and hours per engineer, system and type; {@code from}/{@code to} are dates or offset date-times. */
    @GetMapping("/workload")
    @CanReadReports
    ServiceReports.WorkloadReport workload(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        Period period = Period.of(from, to, zone.get(), clock);
        return reports.workload(period.from().toInstant(), period.to().toInstant());
    }

    @GetMapping("/reports/sla")
    @CanReadReports
    List<ServiceReports.Compliance> compliance(@RequestParam(defaultValue = "month") String by,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to) {
        if (!List.of("month", "priority", "system", "engineer", "kind").contains(by)) {
            throw ProblemException.invalid("report-group", by);
        }
        Period period = Period.of(from, to, zone.get(), clock);
        return reports.compliance(by, period.from().toInstant(), period.to().toInstant(), zone.get());
    }

    /** The service report's figures as the page shows them, as Excel (or CSV), Chinese headers by default. */
    @GetMapping({"/reports/export.xlsx", "/reports/export.csv"})
    @CanReadReports
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
                HttpServletRequest http, HttpServletResponse response) throws IOException {
        export.write(Period.of(from, to, zone.get(), clock), http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx",
                locale, response);
    }

    /** A reporting period in the console's zone; dates mean whole days, {@code to} exclusive. Default: the last 90 days. */
    record Period(OffsetDateTime from, OffsetDateTime to) {

        static Period of(String from, String to, ZoneId zone, Clock clock) {
            OffsetDateTime end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)).plusDays(1)
                    .atStartOfDay(zone).toOffsetDateTime() : parse(to, zone);
            OffsetDateTime start = from == null || from.isBlank() ? end.minusDays(90) : parse(from, zone);
            if (!start.isBefore(end)) {
                throw ProblemException.invalid("period-invalid", from, to);
            }
            return new Period(start, end);
        }

        private static OffsetDateTime parse(String text, ZoneId zone) {
            try {
                return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime()
                        : OffsetDateTime.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid("period-invalid", text, "");
            }
        }
    }
}
