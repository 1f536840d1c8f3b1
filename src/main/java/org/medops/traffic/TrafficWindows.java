package org.medops.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Recent traffic per service and today's calls per channel, from the minute rollups: what the
 * monitoring center shows and what alert rules evaluate.
 */
@Service
public class TrafficWindows {

    private final Rollups rollups;
    private final Clock clock;

    TrafficWindows(Rollups rollups, Clock clock) {
        this.rollups = rollups;
        this.clock = clock;
    }

    /** Calls per service over the last {@code window}, whole minutes included from its start. */
    public Map<String, ServiceWindow> byService(Duration window) {
        Map<String, RollupTotals> accumulators = new HashMap<>();
        rollups.forEachMinuteSince(clock.instant().minus(window), bucket ->
                accumulators.computeIfAbsent(bucket.serviceCode(), k -> new RollupTotals()).add(bucket));
        Map<String, ServiceWindow> windows = new HashMap<>();
        accumulators.forEach((service, a) -> windows.put(service,
                new ServiceWindow(a.calls(), a.failures(), a.percentileMillis(0.95))));
        return windows;
    }

    /** Calls per channel since midnight in {@code zone}: what daily quotas are measured against. */
    public Map<String, Long> callsTodayByChannel(ZoneId zone) {
        Instant midnight = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        return rollups.callsByChannelSince(midnight);
    }

    /** @param p95Millis upper bound of the histogram bucket holding the 95th percentile; null without calls */
    public record ServiceWindow(long calls, long failures, Double p95Millis) {
        public double failureRate() {
            return calls == 0 ? 0 : (double) failures / calls;
        }
    }
}
