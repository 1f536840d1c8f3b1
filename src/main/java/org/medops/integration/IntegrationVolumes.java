package org.medops.integration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The integration engine's message volumes and errors over a range of days, for the service reports (reporting).
 * Implemented by the volumes feature from its volume report; absent when the integration engine does not run.
 */
public interface IntegrationVolumes {

    record Channel(String code, long received, long sent, long errored, double errorShare, Double meanLatencyMillis) {
    }

    /** {@code summary}: the volume report's sentence in the reader's language. */
    record Summary(long received, long sent, long errored, double errorShare, Double meanLatencyMillis,
                   Double p95LatencyMillis, List<Channel> channels, String summary) {
    }

    /** {@code first} and {@code last} are days of the hospital's calendar, both included. */
    Summary between(LocalDate first, LocalDate last, ZoneId zone, Locale locale);
}
