package org.medops.traffic;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The live dashboard (系统首页) and the log query (日志查询) pages. */
@Controller
class TrafficController {

    private final AccessLogs logs;
    private final Settings settings;
    private final Clock clock;

    TrafficController(AccessLogs logs, Settings settings, Clock clock) {
        this.logs = logs;
        this.settings = settings;
        this.clock = clock;
    }

    /** The figures come from the summary API, polled by the page every few seconds. */
    @GetMapping("/dashboard")
    @PreAuthorize("hasAuthority('traffic:read')")
    String dashboard() {
        return "traffic/dashboard";
    }

    @GetMapping("/traffic/logs")
    @PreAuthorize("hasAuthority('traffic:read')")
    String logs(LogFilter filter, @RequestParam(required = false) String before, Model model) {
        ZoneId zone = settings.current().zone();
        LogQuery query = filter.toQuery(zone).withDefaults(clock.instant());
        List<AccessLogs.LogRecord> records = logs.search(query, AccessLogs.Cursor.parse(before), 50);
        model.addAttribute("filter", filter.withRange(query, zone));
        model.addAttribute("records", records);
        model.addAttribute("nextBefore", records.size() == 50 ? records.get(49).cursor().toString() : null);
        return "traffic/logs";
    }

    @GetMapping("/traffic/logs/{requestId}")
    @PreAuthorize("hasAuthority('traffic:read')")
    String log(@PathVariable String requestId, Model model) {
        model.addAttribute("record", logs.find(requestId)
                .orElseThrow(() -> ProblemException.notFound("request", requestId)));
        return "traffic/log";
    }

    @GetMapping("/traffic/logs/export.csv")
    @PreAuthorize("hasAuthority('traffic:read')")
    void export(LogFilter filter, HttpServletResponse response) throws IOException {
        LogCsv.write(logs, filter.toQuery(settings.current().zone()).withDefaults(clock.instant()), response);
    }

    /** The page's filters, with times on the hospital's wall clock. */
    record LogFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                     String service, String channel, Integer status, Integer statusClass, String errorCode,
                     String requestId, String clientIp, Integer minLatencyMs) {

        LogQuery toQuery(ZoneId zone) {
            return new LogQuery(from == null ? null : from.atZone(zone).toInstant(),
                    to == null ? null : to.atZone(zone).toInstant(), service, channel, status, statusClass, errorCode,
                    requestId, clientIp, minLatencyMs);
        }

        LogFilter withRange(LogQuery query, ZoneId zone) {
            return new LogFilter(LocalDateTime.ofInstant(query.from(), zone).withNano(0),
                    LocalDateTime.ofInstant(query.to(), zone).withNano(0), service, channel, status, statusClass,
                    errorCode, requestId, clientIp, minLatencyMs);
        }
    }
}
