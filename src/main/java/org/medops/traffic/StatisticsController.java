package org.medops.traffic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The statistics page; days are the hospital's days. Its API and exports live in {@link TrafficApi}. */
@Controller
class StatisticsController {

    private final UsageStatistics statistics;
    private final Settings settings;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    StatisticsController(UsageStatistics statistics, Settings settings, Clock clock,
                         tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/traffic/statistics")
    @CanReadTraffic
    String page(@RequestParam(defaultValue = "SERVICE") UsageStatistics.Dimension dimension,
                @RequestParam(defaultValue = "DAY") UsageStatistics.Granularity granularity,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
                Model model, HttpServletResponse response) {
        ZoneId zone = settings.current().zone();
        LocalDate to = toDate == null ? LocalDate.now(clock.withZone(zone)) : toDate;
        LocalDate from = fromDate == null ? to.minusDays(6) : fromDate;
        model.addAttribute("dimension", dimension);
        model.addAttribute("granularity", granularity);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        try {
            UsageStatistics.Report report = report(dimension, granularity, from, to);
            model.addAttribute("report", report);
            model.addAttribute("chart", json.writeValueAsString(StatisticsChart.of(report, zone)));
        } catch (ProblemException e) {
            // A reversed or too long range: the form again, with the message, so the user can correct it
            model.addAttribute("problem", e);
            response.setStatus(e.status().value());
        }
        return "traffic/statistics";
    }

    private UsageStatistics.Report report(UsageStatistics.Dimension dimension, UsageStatistics.Granularity granularity,
                                          LocalDate from, LocalDate to) {
        return statistics.forDays(dimension, granularity, from, to, settings.current().zone());
    }
}
