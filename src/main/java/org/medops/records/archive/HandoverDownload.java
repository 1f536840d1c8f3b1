package org.medops.records.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.FieldChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A handover package as a download for the API and the console alike: collects the period from every source first,
 * lists what goes in, audits the export, then streams the zip.
 */
@Component
class HandoverDownload {

    private final Collector collector;
    private final Handover handover;
    private final ApplicationEventPublisher events;
    private final org.medops.opsdesk.HospitalZone zone;

    HandoverDownload(Collector collector, Handover handover, ApplicationEventPublisher events,
                     org.medops.opsdesk.HospitalZone zone) {
        this.collector = collector;
        this.handover = handover;
        this.events = events;
        this.zone = zone;
    }

    /**
     * Streams on the request's own thread straight into the response: an async {@code StreamingResponseBody} would be
     * dispatched again without the API token's authentication.
     */
    void download(HandoverPeriod period, HttpServletResponse response) throws IOException {
        Instant from = period.from().atStartOfDay(zone.get()).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone.get()).toInstant();
        collector.collect(from, to);
        List<Documents.Row> rows = handover.contents(period);
        events.publishEvent(new ArchiveAction("records.archive.handover", "records-handover",
                period.from() + "/" + period.to(), List.of(FieldChange.set("archivePreset", period.preset().name()),
                FieldChange.set("archivePeriod", period.from() + " — " + period.to()),
                FieldChange.set("rows", rows.size()))));
        String name = "移交包-" + period.from() + "-" + period.to() + ".zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString());
        handover.write(period, rows, response.getOutputStream());
        response.flushBuffer();
    }
}
