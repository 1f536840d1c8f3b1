package org.medops.traffic;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/traffic")
class TrafficApi {

    private final TrafficFigures figures;
    private final AccessLogs logs;
    private final ServiceMonitor monitor;
    private final UsageStatistics statistics;
    private final Settings settings;
    private final Clock clock;

    TrafficApi(TrafficFigures figures, AccessLogs logs, ServiceMonitor monitor, UsageStatistics statistics,
               Settings settings, Clock clock) {
        this.figures = figures;
        this.logs = logs;
        this.monitor = monitor;
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAuthority('traffic:read')")
    UsageStatistics.Report statistics(@RequestParam(defaultValue = "SERVICE") UsageStatistics.Dimension dimension,
                                      @RequestParam(defaultValue = "DAY") UsageStatistics.Granularity granularity,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate) {
        return statistics.forDays(dimension, granularity, fromDate, toDate, settings.current().zone());
    }

    /** Excel (default) or CSV; the console's export buttons link here. */
    @GetMapping("/statistics/export")
    @PreAuthorize("hasAuthority('traffic:read')")
    void exportStatistics(@RequestParam(defaultValue = "SERVICE") UsageStatistics.Dimension dimension,
                          @RequestParam(defaultValue = "DAY") UsageStatistics.Granularity granularity,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
                          @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response)
            throws IOException {
        UsageStatistics.Report report = statistics.forDays(dimension, granularity, fromDate, toDate,
                settings.current().zone());
        String name = "medops-" + dimension.name().toLowerCase() + "-statistics-" + fromDate + "-" + toDate;
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            StatisticsExport.csv(report, settings.current().zone(), response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
            StatisticsExport.xlsx(report, settings.current().zone(), response.getOutputStream());
        }
    }

    @GetMapping("/monitor")
    @PreAuthorize("hasAuthority('traffic:read')")
    ServiceMonitor.MonitorView monitor() {
        return monitor.view();
    }

    /** Defaults to today in the hospital's zone. */
    @GetMapping("/summary")
    @PreAuthorize("hasAuthority('traffic:read')")
    TrafficSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null
                ? LocalDate.now(clock.withZone(settings.current().zone())).atStartOfDay(settings.current().zone()).toInstant()
                : from;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("range-empty");
        }
        return figures.summary(start, end);
    }

    @GetMapping("/logs")
    @PreAuthorize("hasAuthority('traffic:read')")
    LogPage logs(LogQuery query, @RequestParam(required = false) String before,
                 @RequestParam(defaultValue = "100") int limit) {
        int size = Math.max(1, Math.min(limit, 1000));
        List<AccessLogs.LogRecord> records = logs.search(query.withDefaults(clock.instant()), AccessLogs.Cursor.parse(before), size);
        String next = records.size() == size ? records.get(records.size() - 1).cursor().toString() : null;
        return new LogPage(records, next);
    }

    @GetMapping("/logs/{requestId}")
    @PreAuthorize("hasAuthority('traffic:read')")
    AccessLogs.LogRecord log(@PathVariable String requestId) {
        return logs.find(requestId).orElseThrow(() -> ProblemException.notFound("request", requestId));
    }

    @GetMapping("/logs/export")
    @PreAuthorize("hasAuthority('traffic:read')")
    void export(LogQuery query, HttpServletResponse response) throws IOException {
        LogCsv.write(logs, query.withDefaults(clock.instant()), response);
    }

    record LogPage(List<AccessLogs.LogRecord> records, String nextBefore) {
    }
}
