package org.medops.integration.volumes;

import java.time.LocalDate;
import java.util.List;

/**
 * The message volumes of a range: per channel its totals, peak, month on month, latency, error share and storage
 * with its projection; per registered system what it published and received; the points of the chosen interval;
 * a summary in words for the service report.
 */
public record VolumeReport(LocalDate from, LocalDate to, String interval, List<ChannelVolume> channels,
                           List<SystemVolume> systems, List<Point> points, Totals totals, String summary) {

    /**
     * One registered system's share (the registry's roll-up): received on the channels of the services it
     * publishes, sent to the destinations of its subscriptions, and the errors of both.
     */
    public record SystemVolume(String system, long published, long received, long errored) {
    }

    /** One channel's (destination null) or destination's counts at one point of the interval (local wall time). */
    public record Point(String at, String channel, String destination, long received, long sent, long errored) {
    }

    public record Totals(long received, long sent, long errored, double errorShare, Double meanLatencyMillis,
                         Double p95LatencyMillis, long storedBytes, long projected90, long projected365) {
    }

    public record DestinationVolume(String name, long sent, long errored, Double meanLatencyMillis,
                                    Double p95LatencyMillis) {
    }

    public record ChannelVolume(String channel, long received, long filtered, long sent, long errored,
                                double errorShare, String peakAt, long peakReceived, long thisMonth, long lastMonth,
                                Double growthPercent, Double meanLatencyMillis, Double p95LatencyMillis,
                                long storedBytes, long projected90, long projected365,
                                List<DestinationVolume> destinations) {
    }
}
