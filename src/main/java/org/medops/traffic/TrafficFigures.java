package org.medops.traffic;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.medops.catalog.Catalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes dashboard figures from the rollups: whole hours from the hourly table, the ragged edges
 * from the minute table, so a 30-day range reads a few hundred rows per service, not millions.
 */
@Service
class TrafficFigures {

    private static final Duration MINUTE_TREND_LIMIT = Duration.ofHours(6);
    private static final Duration TEN_MINUTE_TREND_LIMIT = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final Catalog catalog;

    TrafficFigures(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    TrafficSummary summary(Instant from, Instant to) {
        List<ServiceRow> rows = jdbc.sql("""
                        with r as (%s)
                        select service_code, sum(calls) as calls, sum(failures) as failures,
                            sum(case when status_class = 4 then failures else 0 end) as failures4xx,
                            sum(latency_sum_micros) as latency_sum
                        from r group by service_code""".formatted(rollupRange()))
                .params(rangeParams(from, to))
                .query(ServiceRow.class).list();
        long total = rows.stream().mapToLong(ServiceRow::calls).sum();
        long failure = rows.stream().mapToLong(ServiceRow::failures).sum();
        long failure4xx = rows.stream().mapToLong(ServiceRow::failures4xx).sum();
        List<TrafficSummary.ServiceFigure> services = rows.stream().filter(r -> !r.serviceCode().isEmpty())
                .map(r -> new TrafficSummary.ServiceFigure(r.serviceCode(), r.calls(), r.failures(),
                        r.calls() == 0 ? 0 : r.latencySum() / 1000.0 / r.calls()))
                .toList();
        long cumulative = jdbc.sql("select coalesce(sum(calls), 0) from traffic_total").query(Long.class).single();
        Duration length = Duration.between(from, to);
        String unit = length.compareTo(MINUTE_TREND_LIMIT) <= 0 ? "minute"
                : length.compareTo(TEN_MINUTE_TREND_LIMIT) <= 0 ? "10 minutes" : "hour";
        return new TrafficSummary(from, to, total, total - failure, failure, failure4xx, failure - failure4xx,
                total == 0 ? 1.0 : (double) (total - failure) / total, cumulative, catalog.services().size(),
                top(services, Comparator.comparingDouble(TrafficSummary.ServiceFigure::averageMillis)),
                top(services, Comparator.comparingLong(TrafficSummary.ServiceFigure::calls)),
                top(services.stream().filter(s -> s.failures() > 0).toList(),
                        Comparator.comparingLong(TrafficSummary.ServiceFigure::failures)),
                unit, trend(from, to, unit));
    }

    /** Points per minute up to 6 hours, per 10 minutes up to 2 days, per hour beyond. */
    private List<TrafficSummary.TrendPoint> trend(Instant from, Instant to, String unit) {
        boolean hourly = unit.equals("hour");
        String table = hourly ? "traffic_hour" : "traffic_minute";
        String at = unit.equals("10 minutes") ? "date_bin('10 minutes', bucket, timestamptz '2000-01-01')" : "bucket";
        Instant start = hourly ? from.truncatedTo(ChronoUnit.HOURS) : from.truncatedTo(ChronoUnit.MINUTES);
        return jdbc.sql("select " + at + " as at, sum(calls) as calls, sum(failures) as failures from " + table
                        + " where bucket >= ? and bucket < ? group by 1 order by 1")
                .params(Timestamp.from(start), Timestamp.from(to))
                .query(TrafficSummary.TrendPoint.class).list();
    }

    /** Three slices: minutes before the first whole hour, whole hours, minutes after the last. */
    static String rollupRange() {
        String columns = "service_code, status_class, calls, failures, latency_sum_micros";
        return "select " + columns + " from traffic_minute where bucket >= ? and bucket < ? union all "
                + "select " + columns + " from traffic_hour where bucket >= ? and bucket < ? union all "
                + "select " + columns + " from traffic_minute where bucket >= ? and bucket < ?";
    }

    static List<Object> rangeParams(Instant from, Instant to) {
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant lastHour = to.truncatedTo(ChronoUnit.HOURS);
        List<Object> params = new ArrayList<>();
        if (!firstHour.isBefore(lastHour)) {
            // Within one hour (or across one boundary with no whole hour): minutes only.
            params.add(Timestamp.from(from));
            params.add(Timestamp.from(to));
            params.add(Timestamp.from(to));
            params.add(Timestamp.from(to));
            params.add(Timestamp.from(to));
            params.add(Timestamp.from(to));
            return params;
        }
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(firstHour));
        params.add(Timestamp.from(firstHour));
        params.add(Timestamp.from(lastHour));
        params.add(Timestamp.from(lastHour));
        params.add(Timestamp.from(to));
        return params;
    }

    private static List<TrafficSummary.ServiceFigure> top(List<TrafficSummary.ServiceFigure> services,
                                                          Comparator<TrafficSummary.ServiceFigure> by) {
        return services.stream().sorted(by.reversed()).limit(5).toList();
    }

    record ServiceRow(String serviceCode, long calls, long failures, long failures4xx, long latencySum) {
    }
}
