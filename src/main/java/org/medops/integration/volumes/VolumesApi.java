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
import org.medops.shared.CodeLabels;
import org.medops.shared.ListExport;
import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/integration/volumes?from=2026-11-01&to=2026-11-30&interval=hour|day|month&channel=…}; with
 * {@code export=xlsx|csv} the points are downloaded instead, with {@code part=systems} the per-system roll-up (what
 * each registered system published and received). Counts only, no message content.
 */
@RestController
@RequestMapping("/api/v1/integration/volumes")
class VolumesApi {

    private final Volumes volumes;
    private final ListExport export;
    private final Settings settings;
    private final List<CodeLabels> labels;

    VolumesApi(Volumes volumes, ListExport export, Settings settings, List<CodeLabels> labels) {
        this.volumes = volumes;
        this.export = export;
        this.settings = settings;
        this.labels = labels;
    }

    @GetMapping
    @CanReadIntegration
    VolumeReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String interval, @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String export, @RequestParam(required = false) String part,
                        Locale locale, HttpServletResponse response) throws IOException {
        VolumeReport report = volumes.report(date(from), date(to), interval, channel, settings.current().zone(), locale);
        if (export != null) {
            write(this.export, ListExport.Format.of(export), part, report, settings, labels, locale, response);
            return null;
        }
        return report;
    }

    /** The points ({@code part} absent or {@code points}) or the per-system roll-up ({@code systems}). */
    static void write(ListExport export, ListExport.Format format, String part, VolumeReport report, Settings settings,
                      List<CodeLabels> labels, Locale locale, HttpServletResponse response) throws IOException {
        if (part == null || part.isBlank() || part.equals("points")) {
            write(export, format, report, settings, locale, response);
        } else if (part.equals("systems")) {
            writeSystems(export, format, report, settings, labels, locale, response);
        } else {
            throw ProblemException.invalid("integration-volumes-part", part);
        }
    }

    static void writeSystems(ListExport export, ListExport.Format format, VolumeReport report, Settings settings,
                             List<CodeLabels> labels, Locale locale, HttpServletResponse response) throws IOException {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        filter.put("from", List.of(report.from().toString()));
        filter.put("to", List.of(report.to().toString()));
        filter.put("part", List.of("systems"));
        export.write(format, new ListExport.Table<>("integration-volumes-systems", List.of(
                ListExport.Column.<VolumeReport.SystemVolume>of("volumes.systemCode", VolumeReport.SystemVolume::system),
                ListExport.Column.<VolumeReport.SystemVolume>of("volumes.system", s -> name(labels, s.system())),
                ListExport.Column.<VolumeReport.SystemVolume>of("volumes.published", VolumeReport.SystemVolume::published),
                ListExport.Column.<VolumeReport.SystemVolume>of("volumes.subscribed", VolumeReport.SystemVolume::received),
                ListExport.Column.<VolumeReport.SystemVolume>of("volumes.errored", VolumeReport.SystemVolume::errored),
                ListExport.Column.<VolumeReport.SystemVolume>of("volumes.errorShare",
                        s -> Volumes.share(s.errored(), s.published() + s.received()))),
                report.systems(), filter), settings.current().zone(), locale, response);
    }

    /** The system's name as the ops desk's system list has it, else its code. */
    static String name(List<CodeLabels> labels, String code) {
        for (CodeLabels l : labels) {
            var name = l.label("system", code);
            if (name.isPresent()) {
                return name.get();
            }
        }
        return code;
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
