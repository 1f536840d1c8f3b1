package org.medops.traffic;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.KeysetPage;
import org.medops.shared.ListExport;
import org.medops.shared.ListRequest;
import org.springframework.stereotype.Component;

/**
 * The log query for the page, the API and the export: one filter, one set of columns. Bodies stay out of the list
 * and the export (they are masked, but a spreadsheet is the wrong place for them); only a request's own page
 * shows them.
 */
@Component
class LogList {

    /** Rows an export reads per round trip while it walks the keyset. */
    private static final int EXPORT_BATCH = 2_000;

    private static final List<ListExport.Column<AccessLogs.LogRow>> COLUMNS = List.of(
            ListExport.Column.of("logs.time", AccessLogs.LogRow::occurredAt),
            ListExport.Column.of("logs.requestId", AccessLogs.LogRow::requestId),
            ListExport.Column.of("logs.channel", AccessLogs.LogRow::channelCode),
            ListExport.Column.of("logs.service", AccessLogs.LogRow::serviceCode),
            ListExport.Column.of("logs.method", AccessLogs.LogRow::method),
            ListExport.Column.of("logs.path", AccessLogs.LogRow::path),
            ListExport.Column.of("logs.status", AccessLogs.LogRow::status),
            ListExport.Column.of("logs.errorCode", AccessLogs.LogRow::errorCode),
            ListExport.Column.of("logs.upstreamStatus", AccessLogs.LogRow::upstreamStatus),
            ListExport.Column.of("logs.totalMs", AccessLogs.LogRow::totalMillis),
            ListExport.Column.of("logs.upstreamMs", AccessLogs.LogRow::upstreamMillis),
            ListExport.Column.of("logs.bytesIn", AccessLogs.LogRow::bytesIn),
            ListExport.Column.of("logs.bytesOut", AccessLogs.LogRow::bytesOut),
            ListExport.Column.of("logs.clientIp", AccessLogs.LogRow::clientIp),
            ListExport.Column.of("logs.node", AccessLogs.LogRow::nodeId));

    private final AccessLogs logs;
    private final Settings settings;
    private final ListExport export;
    private final Clock clock;

    LogList(AccessLogs logs, Settings settings, ListExport export, Clock clock) {
        this.logs = logs;
        this.settings = settings;
        this.export = export;
        this.clock = clock;
    }

    KeysetPage<AccessLogs.LogRow> page(LogQuery query, HttpServletRequest http) {
        ListRequest request = query.request();
        AccessLogs.LogFilter filter = filter(query);
        // One row more than asked tells whether a next page exists without a second query.
        List<AccessLogs.LogRow> rows = logs.rows(filter, request.sort(), query.cursor(), request.size() + 1);
        boolean more = rows.size() > request.size();
        List<AccessLogs.LogRow> shown = more ? rows.subList(0, request.size()) : rows;
        String next = more ? shown.get(shown.size() - 1).cursor().toString() : null;
        return KeysetPage.of(shown, logs.count(filter), request, next, http);
    }

    /** How many requests the query shows: what a dashboard number says about the list it links to. */
    long count(LogQuery query) {
        return logs.count(filter(query));
    }

    /** The range the query resolves to, for the form. */
    AccessLogs.LogFilter filter(LogQuery query) {
        return query.filter(zone(), clock.instant());
    }

    ZoneId zone() {
        return settings.current().zone();
    }

    /** An empty page in the default order, for a page whose parameters were refused. */
    KeysetPage<AccessLogs.LogRow> empty(HttpServletRequest http) {
        return KeysetPage.of(List.of(), 0, ListRequest.of(null, null, null, AccessLogs.SORT), null, http);
    }

    void export(LogQuery query, String format, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        ListRequest request = query.request();
        AccessLogs.LogFilter filter = filter(query);
        List<AccessLogs.LogRow> rows = new ArrayList<>();
        AccessLogs.Cursor cursor = null;
        while (rows.size() <= ListExport.MAX_ROWS) {
            List<AccessLogs.LogRow> batch = logs.rows(filter, request.sort(), cursor, EXPORT_BATCH);
            rows.addAll(batch);
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            cursor = batch.get(batch.size() - 1).cursor();
        }
        // The trail records the range the export read, also when the link left it to the default hour.
        java.util.Map<String, List<String>> audited = new java.util.LinkedHashMap<>(
                KeysetPage.of(List.of(), 0, request, null, http).filter());
        audited.put("from", List.of(filter.from().toString()));
        audited.put("to", List.of(filter.to().toString()));
        export.write(chosen, new ListExport.Table<>("access-log", COLUMNS, rows, audited), zone(), locale, response);
    }
}
