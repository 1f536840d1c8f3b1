package org.medops.traffic;

import java.sql.Array;
import java.sql.SQLException;

/** Hourly rollup rows added up: calls, failures, latency sum and the merged latency histogram. */
final class RollupTotals {

    private long calls;
    private long failures;
    private long latencySum;
    private final LatencyHistogram histogram = new LatencyHistogram();

    void add(long moreCalls, long moreFailures, long moreLatencyMicros, Array counts) throws SQLException {
        calls += moreCalls;
        failures += moreFailures;
        latencySum += moreLatencyMicros;
        histogram.add(counts);
    }

    long calls() {
        return calls;
    }

    long failures() {
        return failures;
    }

    double failureRate() {
        return calls == 0 ? 0 : (double) failures / calls;
    }

    double averageMillis() {
        return calls == 0 ? 0 : latencySum / 1000.0 / calls;
    }

    Double percentileMillis(double q) {
        return histogram.percentile(q, calls);
    }
}
