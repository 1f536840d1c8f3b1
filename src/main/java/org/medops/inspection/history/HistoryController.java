package org.medops.inspection.history;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.medops.inspection.permissions.CanReadInspection;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 巡检历史: the targets with their latest round, one target's trends, and the year's plan (done / missed). */
@Controller
class HistoryController {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** One trend on the page: its series and the points as the chart script reads them. */
    record Chart(String id, TargetHistory.Series series, String data) {
    }

    record ChartData(List<String> at, List<Double> values) {
    }

    private final History history;
    private final Settings settings;
    private final Clock clock;

    HistoryController(History history, Settings settings, Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/inspection/history")
    @CanReadInspection
    String targets(Model model) {
        model.addAttribute("targets", history.targets());
        return "inspection/history";
    }

    /** {@code days}: how far back, 30 to 1096 (default 365). */
    @GetMapping("/inspection/history/{code}")
    @CanReadInspection
    String target(@PathVariable String code, @RequestParam(required = false) Integer days, Model model) {
        int back = days == null ? 365 : Math.max(30, Math.min(days, 1096));
        java.time.Instant now = clock.instant();
        TargetHistory target = history.target(code, now.minus(Duration.ofDays(back)), now);
        model.addAttribute("h", target);
        model.addAttribute("days", back);
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(settings.current().zone());
        List<Chart> charts = new java.util.ArrayList<>();
        for (TargetHistory.Series series : target.series()) {
            if (series.hasNumbers()) {
                List<String> at = series.points().stream().map(p -> minutes.format(p.at())).toList();
                List<Double> values = series.points().stream().map(TargetHistory.Point::number).toList();
                charts.add(new Chart("chart-" + charts.size(), series, JSON.writeValueAsString(new ChartData(at, values))));
            }
        }
        model.addAttribute("charts", charts);
        return "inspection/history-target";
    }

    @GetMapping("/inspection/plan")
    @CanReadInspection
    String plan(@RequestParam(required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(clock.withZone(settings.current().zone())).getYear();
        int chosen = year == null ? thisYear : year;
        try {
            model.addAttribute("plan", history.plan(chosen));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("plan", history.plan(thisYear));
            chosen = thisYear;
        }
        model.addAttribute("year", chosen);
        model.addAttribute("years", List.of(chosen - 1, chosen, chosen + 1));
        return "inspection/plan";
    }
}
