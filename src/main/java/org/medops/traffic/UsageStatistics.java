package org.medops.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/**
 * 服务使用情况统计 and 渠道访问情况统计: per service or per channel, by hour or by day (days in the
 * hospital's zone), calls, failures, failure rate, average / p95 / p99 latency from the hourly
 * rollups, and who calls each service most (or what each channel calls most).
 */
@Service
class UsageStatistics {

    /** Counterparts shown per service or channel: the statistics page's "top callers" column. */
    private static final int TOP_COUNTERPARTS = 5;

    private final Rollups rollups;

    UsageStatistics(Rollups rollups) {
        this.rollups = rollups;
    }

    /** Whole days, {@code from} to {@code to} inclusive, at most a year. */
    Report forDays(Dimension dimension, Granularity granularity, java.time.LocalDate from, java.time.LocalDate to,
                   ZoneId zone) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw org.medops.shared.ProblemException.invalid("range-invalid");
        }
        return report(dimension, granularity, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    Report report(Dimension dimension, Granularity granularity, Instant from, Instant to, ZoneId zone) {
        Map<String, Map<Instant, RollupTotals>> byKey = new TreeMap<>();
        Map<String, RollupTotals> totals = new TreeMap<>();
        Map<String, Map<String, Long>> counterparts = new HashMap<>();
        rollups.forEachHour(from, to, bucket -> {
            String key = dimension == Dimension.SERVICE ? bucket.serviceCode() : bucket.channelCode();
            String other = dimension == Dimension.SERVICE ? bucket.channelCode() : bucket.serviceCode();
            if (key.isEmpty()) {
                return;
            }
            Instant period = granularity == Granularity.DAY
                    ? bucket.at().atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant() : bucket.at();
            byKey.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(period, p -> new RollupTotals())
                    .add(bucket);
            totals.computeIfAbsent(key, k -> new RollupTotals()).add(bucket);
            if (!other.isEmpty()) {
                counterparts.computeIfAbsent(key, k -> new HashMap<>()).merge(other, bucket.calls(), Long::sum);
            }
        });
        List<Row> rows = new ArrayList<>();
        byKey.forEach((key, periods) -> periods.forEach((period, a) -> rows.add(row(a, key, period))));
        List<Row> summary = totals.entrySet().stream().map(e -> row(e.getValue(), e.getKey(), null))
                .sorted(Comparator.comparingLong(Row::calls).reversed()).toList();
        Map<String, List<Counterpart>> tops = new TreeMap<>();
        counterparts.forEach((key, others) -> tops.put(key, others.entrySet().stream()
                .map(e -> new Counterpart(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Counterpart::calls).reversed()).limit(TOP_COUNTERPARTS).toList()));
        return new Report(dimension, granularity, from, to, summary, rows, tops);
    }

    enum Dimension { SERVICE, CHANNEL }

    enum Granularity { HOUR, DAY }

    /** @param period start of the hour or day; null in the summary over the whole range */
    record Row(String key, Instant period, long calls, long failures, double failureRate, double averageMillis,
               Double p95Millis, Double p99Millis) {
    }

    record Counterpart(String code, long calls) {
    }

    /** @param top the five channels calling each service most, or the five services each channel calls most */
    record Report(Dimension dimension, Granularity granularity, Instant from, Instant to, List<Row> summary,
                  List<Row> rows, Map<String, List<Counterpart>> top) {
    }

    private static Row row(RollupTotals t, String key, Instant period) {
        return new Row(key, period, t.calls(), t.failures(), t.failureRate(), t.averageMillis(),
                t.percentileMillis(0.95), t.percentileMillis(0.99));
    }
}
