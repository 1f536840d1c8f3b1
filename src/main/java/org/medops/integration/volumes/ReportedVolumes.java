package org.medops.integration.volumes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;

import org.medops.integration.IntegrationVolumes;
import org.springframework.stereotype.Component;

/** The volume report of a range reduced to what a service report prints: totals and channels, busiest first. */
@Component
class ReportedVolumes implements IntegrationVolumes {

    private final Volumes volumes;

    ReportedVolumes(Volumes volumes) {
        this.volumes = volumes;
    }

    @Override
    public Summary between(LocalDate first, LocalDate last, ZoneId zone, Locale locale) {
        VolumeReport report = volumes.report(first, last, "month", null, zone, locale);
        VolumeReport.Totals t = report.totals();
        return new Summary(t.received(), t.sent(), t.errored(), t.errorShare(), t.meanLatencyMillis(),
                t.p95LatencyMillis(), report.channels().stream()
                .filter(c -> c.received() + c.sent() + c.errored() > 0)
                .sorted(Comparator.comparingLong(VolumeReport.ChannelVolume::received).reversed()
                        .thenComparing(VolumeReport.ChannelVolume::channel))
                .map(c -> new Channel(c.channel(), c.received(), c.sent(), c.errored(), c.errorShare(),
                        c.meanLatencyMillis()))
                .toList(), report.summary());
    }
}
