package org.medops.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The statistics page's stacked bar chart: one series of calls per service or channel, by period. */
record StatisticsChart(List<String> periods, List<Series> series) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    record Series(String name, List<Long> calls) {
    }

    static StatisticsChart of(UsageStatistics.Report report, ZoneId zone) {
        TreeSet<Instant> periods = new TreeSet<>();
        Map<String, Map<Instant, Long>> byKey = new HashMap<>();
        for (UsageStatistics.Row row : report.rows()) {
            periods.add(row.period());
            byKey.computeIfAbsent(row.key(), k -> new HashMap<>()).put(row.period(), row.calls());
        }
        List<Series> series = new ArrayList<>();
        report.summary().forEach(total -> series.add(new Series(total.key(), periods.stream()
                .map(p -> byKey.getOrDefault(total.key(), Map.of()).getOrDefault(p, 0L)).toList())));
        return new StatisticsChart(periods.stream().map(p -> LABEL.format(p.atZone(zone))).toList(), series);
    }
}
