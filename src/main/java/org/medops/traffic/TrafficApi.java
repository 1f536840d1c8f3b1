package org.medops.traffic;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.KeysetPage;
import org.medops.shared.ProblemException;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.format.annotation.DateTimeFormat;
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
    private final LogList list;
    private final DashboardCards cards;
    private final ServiceMonitor monitor;
    private final UsageStatistics statistics;
    private final StatisticsExport statisticsExport;
    private final Settings settings;
    private final Clock clock;
    private final CapturedContent captured;

    TrafficApi(TrafficFigures figures, AccessLogs logs, LogList list, DashboardCards cards, ServiceMonitor monitor,
               UsageStatistics statistics, StatisticsExport statisticsExport, Settings settings, Clock clock,
               CapturedContent captured) {
        this.captured = captured;
        this.figures = figures;
        this.logs = logs;
        this.list = list;
        this.cards = cards;
        this.monitor = monitor;
        this.statistics = statistics;
        this.statisticsExport = statisticsExport;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    @CanReadTraffic
    UsageStatistics.Report statistics(@RequestParam(defaultValue = "SERVICE") UsageStatistics.Dimension dimension,
                                      @RequestParam(defaultValue = "DAY") UsageStatistics.Granularity granularity,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate) {
        return statistics.forDays(dimension, granularity, fromDate, toDate, settings.current().zone());
    }

    /** Excel (default) or CSV; the console's export buttons link here. */
    @GetMapping("/statistics/export")
    @CanReadTraffic
    void exportStatistics(@RequestParam(defaultValue = "SERVICE") UsageStatistics.Dimension dimension,
                          @RequestParam(defaultValue = "DAY") UsageStatistics.Granularity granularity,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
                          @RequestParam(defaultValue = "xlsx") String format, Locale locale,
                          HttpServletResponse response) throws IOException {
        UsageStatistics.Report report = statistics.forDays(dimension, granularity, fromDate, toDate,
                settings.current().zone());
        statisticsExport.write(report, format, settings.current().zone(), locale, java.util.Map.of(
                "dimension", List.of(dimension.name()), "granularity", List.of(granularity.name()),
                "fromDate", List.of(fromDate.toString()), "toDate", List.of(toDate.toString())), response);
    }

    @GetMapping("/monitor")
    @CanReadTraffic
    ServiceMonitor.MonitorView monitor() {
        return monitor.view();
    }

    /** Defaults to today in the hospital's zone. */
    @GetMapping("/summary")
    @CanReadTraffic
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

    /**
     * A page of the log query ({@link LogQuery}): {@code rows, total, size, sort, next, links}; pass {@code next}
     * as {@code after} for the following page. {@code export=csv|xlsx} downloads what the filter selects.
     */
    @GetMapping("/logs")
    @CanReadTraffic
    KeysetPage<AccessLogs.LogRow> logs(LogQuery query, Locale locale, HttpServletRequest http,
                                       HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        return list.page(query, http);
    }

    /** Captured bodies and headers: content, so the data right or a grant for the service ({@link CapturedContent}). */
    @GetMapping("/logs/{requestId}")
    @CanReadCapturedTraffic
    AccessLogs.LogRecord log(@PathVariable String requestId, Authentication who) {
        return captured.open(requestId, who);
    }

    /** The numbers on the dashboard, each with the link to the list whose total it is. */
    @GetMapping("/dashboard-cards")
    @CanReadTraffic
    List<WorkbenchCard> dashboardCards(Authentication who) {
        return cards.cardsFor(who);
    }
}
