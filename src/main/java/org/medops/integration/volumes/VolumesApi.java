package org.medops.integration.volumes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/integration/volumes?from=2026-11-01&to=2026-11-30&interval=hour|day|month&channel=…}; with
 * {@code export=xlsx|csv} the points are downloaded instead. Counts only, no message content.
 */
@RestController
@RequestMapping("/api/v1/integration/volumes")
class VolumesApi {

    private final Volumes volumes;
    private final ListExport export;
    private final Settings settings;

    VolumesApi(Volumes volumes, ListExport export, Settings settings) {
        this.volumes = volumes;
        this.export = export;
        this.settings = settings;
    }

    @GetMapping
    @CanReadIntegration
    VolumeReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String interval, @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String export, Locale locale, HttpServletResponse response)
            throws IOException {
        VolumeReport report = volumes.report(date(from), date(to), interval, channel, settings.current().zone(), locale);
        if (export != null) {
            write(this.export, ListExport.Format.of(export), report, settings, locale, response);
            return null;
        }
        return report;
    }

    static void write(ListExport export, ListExport.Format format, VolumeReport report, Settings settings, Locale locale,
                      HttpServletResponse response) throws IOException {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        filter.put("from", List.of(report.from().toString()));
        filter.put("to", List.of(report.to().toString()));
        filter.put("interval", List.of(report.interval()));
        export.write(format, new ListExport.Table<>("integration-volumes", List.of(
                ListExport.Column.<VolumeReport.Point>of("volumes.at", VolumeReport.Point::at),
                ListExport.Column.<VolumeReport.Point>of("volumes.channel", VolumeReport.Point::channel),
                ListExport.Column.<VolumeReport.Point>of("volumes.destination", p -> p.destination() == null ? "" : p.destination()),
                ListExport.Column.<VolumeReport.Point>of("volumes.received", VolumeReport.Point::received),
                ListExport.Column.<VolumeReport.Point>of("volumes.sent", VolumeReport.Point::sent),
                ListExport.Column.<VolumeReport.Point>of("volumes.errored", VolumeReport.Point::errored),
                ListExport.Column.<VolumeReport.Point>of("volumes.errorShare",
                        p -> Volumes.share(p.errored(), p.received()))),
                report.points(), filter), settings.current().zone(), locale, response);
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("integration-volumes-date", value);
        }
    }
}
