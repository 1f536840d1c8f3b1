package org.medops.traffic;

import java.time.Instant;
import java.util.List;

/**
 * The home dashboard's figures for one time range. Success is a final status below 400 without a
 * gateway error code; everything else is a failure, split into 4xx and 5xx (fallbacks count as 5xx).
 */
record TrafficSummary(Instant from, Instant to, long total, long success, long failure, long failure4xx,
                      long failure5xx, double successRate, long cumulativeVisits, int serviceCount,
                      List<ServiceFigure> topLatency, List<ServiceFigure> topVisits, List<ServiceFigure> topFailures,
                      String trendUnit, List<TrendPoint> trend) {

    record ServiceFigure(String service, long calls, long failures, double averageMillis) {
    }

    record TrendPoint(Instant at, long calls, long failures) {
    }
}
