package org.medops.integration.pages;

import java.util.List;
import java.util.function.Function;

import org.medops.integration.statistics.Series;
import tools.jackson.databind.json.JsonMapper;

/**
 * A series as the page's chart script reads it (a data attribute): one array per line, times as ISO instants. The
 * counts are the rollup's, never message content.
 */
record ChannelChart(List<String> at, List<Long> received, List<Long> filtered, List<Long> queued, List<Long> sent,
                    List<Long> errored, List<Double> latencyMillis) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ChannelChart of(Series series) {
        List<Series.Point> points = series.points();
        return new ChannelChart(map(points, p -> p.at().toString()), map(points, Series.Point::received),
                map(points, Series.Point::filtered), map(points, Series.Point::queued), map(points, Series.Point::sent),
                map(points, Series.Point::errored), averaged(series));
    }

    /** The channel's mean send time per point: its destinations' sends weighed alike (null where none was sent). */
    private static List<Double> averaged(Series series) {
        List<Double> latency = new java.util.ArrayList<>();
        for (int i = 0; i < series.points().size(); i++) {
            double sum = 0;
            int n = 0;
            for (List<Series.Point> destination : series.destinations().values()) {
                Double value = destination.get(i).latencyMillis();
                if (value != null) {
                    sum += value;
                    n++;
                }
            }
            latency.add(n == 0 ? null : Math.round(sum / n * 10) / 10.0);
        }
        return latency;
    }

    private static <T> List<T> map(List<Series.Point> points, Function<Series.Point, T> value) {
        return points.stream().map(value).toList();
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    long total(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    public long totalReceived() {
        return total(received);
    }

    public long totalErrored() {
        return total(errored);
    }
}
