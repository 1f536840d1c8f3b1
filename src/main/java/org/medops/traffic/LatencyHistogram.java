package org.medops.traffic;

/**
 * Merges the rollups' latency histograms (bucket upper bounds in ms: 1, 2, 5 … 10 000, then
 * unbounded) and reads percentiles from them as the upper bound of the bucket that holds them, an
 * estimate never below the truth. Beyond the last bound reads as 10 001 ms ("over 10 s").
 */
final class LatencyHistogram {

    private static final long[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

    private final long[] counts = new long[BOUNDS_MS.length + 1];

    void add(long[] rollupHistogram) {
        for (int i = 0; i < Math.min(rollupHistogram.length, counts.length); i++) {
            counts[i] += rollupHistogram[i];
        }
    }

    Double percentile(double q, long calls) {
        if (calls == 0) {
            return null;
        }
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= Math.ceil(q * calls)) {
                return i < BOUNDS_MS.length ? (double) BOUNDS_MS[i] : (double) BOUNDS_MS[BOUNDS_MS.length - 1] + 1;
            }
        }
        return null;
    }
}
