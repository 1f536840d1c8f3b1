package org.medops.integration.critical;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures quality reviews ask for, per ordering department and month (in the hospital's zone): how many critical
 * values, minutes from reported to acknowledged, handled and closed (median and p90, nearest rank), and the share
 * acknowledged within 10 and within 30 minutes (of all reported: one never acknowledged counts as late).
 */
final class StageTimes {

    record Row(String department, String month, int count, int acknowledged, Double ackMedian, Double ackP90,
               Double within10, Double within30, Double handleMedian, Double handleP90, Double closeMedian,
               Double closeP90) {
    }

    private StageTimes() {
    }

    static List<Row> of(List<CriticalValue> values, ZoneId zone) {
        Map<String, List<CriticalValue>> groups = new TreeMap<>();
        for (CriticalValue v : values) {
            String department = v.orderingDepartment() == null ? "-" : v.orderingDepartment();
            String month = YearMonth.from(v.createdAt().atZone(zone)).toString();
            groups.computeIfAbsent(month + "\u0000" + department, k -> new ArrayList<>()).add(v);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, group) -> {
            String[] parts = key.split("\u0000", 2);
            List<Double> ack = minutes(group, CriticalValue::acknowledgedAt);
            List<Double> handled = minutes(group, CriticalValue::handledAt);
            List<Double> closed = minutes(group, CriticalValue::closedAt);
            int n = group.size();
            rows.add(new Row(parts[1], parts[0], n, ack.size(), median(ack), percentile(ack, 90),
                    share(ack.stream().filter(m -> m <= 10).count(), n), share(ack.stream().filter(m -> m <= 30).count(), n),
                    median(handled), percentile(handled, 90), median(closed), percentile(closed, 90)));
        });
        rows.sort(Comparator.comparing(Row::month).reversed().thenComparing(Row::department));
        return rows;
    }

    private static List<Double> minutes(List<CriticalValue> group, Function<CriticalValue, Instant> stage) {
        return group.stream().filter(v -> stage.apply(v) != null)
                .map(v -> Duration.between(v.createdAt(), stage.apply(v)).toMillis() / 60_000.0).sorted().toList();
    }

    static Double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest rank: the smallest value with at least {@code p} % of the values at or below it. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static Double share(long part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }
}
