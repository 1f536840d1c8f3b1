package org.medops.traffic;

/** Hourly rollup rows added up: calls, failures, latency sum and the merged latency histogram. */
final class RollupTotals {

    private long calls;
    private long failures;
    private long latencySum;
    private final LatencyHistogram histogram = new LatencyHistogram();

    void add(Rollups.Bucket bucket) {
        calls += bucket.calls();
        failures += bucket.failures();
        latencySum += bucket.latencySumMicros();
        histogram.add(bucket.histogram());
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
