package org.medops.integration.volumes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.settings.Settings;
import org.medops.shared.CodeLabels;
import org.medops.shared.ListExport;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 消息量分析: the range form, the summary, the charts (ECharts, from counts the page carries), the table, the export. */
@Controller
@RequestMapping("/integration/volumes")
class VolumesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Volumes volumes;
    private final ListExport export;
    private final Settings settings;
    private final ChannelDirectory channels;
    private final List<CodeLabels> labels;

    VolumesController(Volumes volumes, ListExport export, Settings settings, ChannelDirectory channels,
                      List<CodeLabels> labels) {
        this.labels = labels;
        this.volumes = volumes;
        this.export = export;
        this.settings = settings;
        this.channels = channels;
    }

    @GetMapping
    @CanReadIntegration
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String interval, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String export, @RequestParam(required = false) String part,
                Locale locale, Model model,
                HttpServletResponse response) throws IOException {
        model.addAttribute("channels", channels.all());
        model.addAttribute("channel", channel);
        model.addAttribute("interval", interval == null ? "day" : interval);
        try {
            VolumeReport report = volumes.report(VolumesApi.date(from), VolumesApi.date(to), interval, channel,
                    settings.current().zone(), locale);
            if (export != null) {
                VolumesApi.write(this.export, ListExport.Format.of(export), part, report, settings, labels, locale,
                        response);
                return null;
            }
            model.addAttribute("report", report);
            model.addAttribute("chart", chart(report));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "integration/volumes";
    }

    /** The chart's data: the points' times, received per channel, and sent and errored of all channels. */
    static String chart(VolumeReport report) {
        TreeSet<String> times = new TreeSet<>();
        report.points().forEach(p -> times.add(p.at()));
        List<String> at = new ArrayList<>(times);
        Map<String, long[]> received = new LinkedHashMap<>();
        long[] sent = new long[at.size()];
        long[] errored = new long[at.size()];
        for (VolumeReport.Point p : report.points()) {
            if (p.destination() != null) {
                continue;
            }
            int i = at.indexOf(p.at());
            received.computeIfAbsent(p.channel(), c -> new long[at.size()])[i] += p.received();
            sent[i] += p.sent();
            errored[i] += p.errored();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("at", at);
        data.put("received", received);
        data.put("sent", sent);
        data.put("errored", errored);
        List<Map<String, Object>> storage = new ArrayList<>();
        report.channels().forEach(c -> storage.add(Map.of("channel", c.channel(), "bytes", c.storedBytes(),
                "projected90", c.projected90(), "projected365", c.projected365())));
        data.put("storage", storage);
        return JSON.writeValueAsString(data);
    }
}
