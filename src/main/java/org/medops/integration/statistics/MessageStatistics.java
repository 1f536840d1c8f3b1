package org.medops.integration.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/** Reading the rollup: a channel's series for charts, every channel's counts over the last minutes for alerts. */
@Service
public class MessageStatistics {

    private final StatisticsRollup rollup;
    private final Clock clock;

    MessageStatistics(StatisticsRollup rollup, Clock clock) {
        this.rollup = rollup;
        this.clock = clock;
    }

    public Series series(String channel, SeriesRange range) {
        Map<String, Map<Instant, Counts>> byDestination = new TreeMap<>();
        Map<Instant, Counts> channelTotals = new TreeMap<>();
        for (StatisticsRollup.Row row : rollup.rows(channel, range.interval(), range.from(), range.to())) {
            boolean intake = MessageCounters.INTAKE.equals(row.destination());
            channelTotals.merge(row.bucket(), intake ? row.counts() : row.counts().deliveries(), Counts::plus);
            if (!intake) {
                byDestination.computeIfAbsent(row.destination(), d -> new TreeMap<>())
                        .merge(row.bucket(), row.counts(), Counts::plus);
            }
        }
        Map<String, List<Series.Point>> destinations = new LinkedHashMap<>();
        byDestination.forEach((name, points) -> destinations.put(name, filled(points, range)));
        return new Series(range.interval(), range.from(), range.to(), filled(channelTotals, range), destinations);
    }

    /** The last hour by minute, for a channel list's sparkline. */
    public Series lastHour(String channel) {
        Instant now = clock.instant();
        return series(channel, new SeriesRange(Interval.MINUTE.bucket(now.minus(Duration.ofMinutes(59))),
                Interval.MINUTE.bucket(now), Interval.MINUTE));
    }

    /** Each channel's counts (intake and deliveries together) over the last {@code window}, whole minutes. */
    public Map<String, Counts> byChannel(Duration window) {
        return rollup.byChannelSince(clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(window));
    }

    /**
     * When the channel last received a message, rounded up to the end of its minute (its hour, past a week); empty
     * when the rollup never counted one. Counts not yet flushed (a few seconds) are not seen.
     */
    public java.util.Optional<Instant> lastReceived(String channel) {
        return rollup.lastReceived(channel);
    }

    private static List<Series.Point> filled(Map<Instant, Counts> counted, SeriesRange range) {
        List<Series.Point> points = new ArrayList<>();
        for (Instant at = range.from(); !at.isAfter(range.to()); at = range.interval().next(at)) {
            points.add(Series.Point.of(at, counted.getOrDefault(at, Counts.ZERO)));
        }
        return points;
    }

    /** Minute rows older than {@code minutes} and hour rows older than {@code hours} go (the rollup stays small). */
    public int prune(Duration minutes, Duration hours) {
        Instant now = clock.instant();
        return rollup.prune(now.minus(minutes), now.minus(hours));
    }
}
