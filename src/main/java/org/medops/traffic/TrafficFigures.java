package org.medops.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.medops.catalog.Catalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes dashboard figures from the rollups: whole hours from the hourly table, the ragged edges
 * from the minute table, so a 30-day range reads a few hundred rows per service, not millions.
 */
@Service
class TrafficFigures {

    /** The dashboard's three "Top 5" panels. */
    private static final int TOP = 5;
    private static final Duration MINUTE_TREND_LIMIT = Duration.ofHours(6);
    private static final Duration TEN_MINUTE_TREND_LIMIT = Duration.ofHours(48);

    private final Rollups rollups;
    private final Catalog catalog;

    TrafficFigures(Rollups rollups, Catalog catalog) {
        this.rollups = rollups;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    TrafficSummary summary(Instant from, Instant to) {
        List<Rollups.ServiceTotals> rows = rollups.serviceTotals(from, to);
        long total = rows.stream().mapToLong(Rollups.ServiceTotals::calls).sum();
        long failure = rows.stream().mapToLong(Rollups.ServiceTotals::failures).sum();
        long failure4xx = rows.stream().mapToLong(Rollups.ServiceTotals::failures4xx).sum();
        List<TrafficSummary.ServiceFigure> services = rows.stream().filter(r -> !r.serviceCode().isEmpty())
                .map(r -> new TrafficSummary.ServiceFigure(r.serviceCode(), r.calls(), r.failures(),
                        r.calls() == 0 ? 0 : r.latencySum() / 1000.0 / r.calls()))
                .toList();
        Rollups.TrendUnit unit = unit(Duration.between(from, to));
        return new TrafficSummary(from, to, total, total - failure, failure, failure4xx, failure - failure4xx,
                total == 0 ? 1.0 : (double) (total - failure) / total, rollups.cumulativeCalls(),
                catalog.services().size(),
                top(services, Comparator.comparingDouble(TrafficSummary.ServiceFigure::averageMillis)),
                top(services, Comparator.comparingLong(TrafficSummary.ServiceFigure::calls)),
                top(services.stream().filter(s -> s.failures() > 0).toList(),
                        Comparator.comparingLong(TrafficSummary.ServiceFigure::failures)),
                unit.label(), rollups.trend(unit, from, to));
    }

    /** Points per minute up to 6 hours, per 10 minutes up to 2 days, per hour beyond. */
    private static Rollups.TrendUnit unit(Duration length) {
        return length.compareTo(MINUTE_TREND_LIMIT) <= 0 ? Rollups.TrendUnit.MINUTE
                : length.compareTo(TEN_MINUTE_TREND_LIMIT) <= 0 ? Rollups.TrendUnit.TEN_MINUTES
                : Rollups.TrendUnit.HOUR;
    }

    private static List<TrafficSummary.ServiceFigure> top(List<TrafficSummary.ServiceFigure> services,
                                                          Comparator<TrafficSummary.ServiceFigure> by) {
        return services.stream().sorted(by.reversed()).limit(TOP).toList();
    }

}
