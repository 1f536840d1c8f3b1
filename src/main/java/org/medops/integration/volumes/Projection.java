package org.medops.integration.volumes;

import java.util.List;

/**
 * Storage growth projected linearly: the least-squares line through the stored bytes accumulated day by day (the
 * oldest day first) gives bytes per day; growth over {@code days} is that slope times the days (never negative).
 */
public record Projection(double bytesPerDay) {

    public static Projection of(List<Long> dailyBytes) {
        int n = dailyBytes.size();
        if (n < 2) {
            return new Projection(n == 1 ? dailyBytes.get(0) : 0);
        }
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumXX = 0;
        long cumulative = 0;
        for (int x = 0; x < n; x++) {
            cumulative += dailyBytes.get(x);
            sumX += x;
            sumY += cumulative;
            sumXY += (double) x * cumulative;
            sumXX += (double) x * x;
        }
        double slope = (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
        return new Projection(Math.max(0, slope));
    }

    public long growth(int days) {
        return Math.round(bytesPerDay * days);
    }
}
