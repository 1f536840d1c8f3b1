package org.medops.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.springframework.stereotype.Component;

/**
 * The export, shared by the page and the API, through the one list writer: CSV (BOM, headers in the reader's
 * language, times in the hospital's zone) or Excel; the export itself is audited ({@code audit.export}).
 */
@Component
class AuditExport {

    private static final List<ListExport.Column<AuditRecord>> COLUMNS = List.of(
            ListExport.Column.of("audit.seq", AuditRecord::seq),
            ListExport.Column.of("audit.time", AuditRecord::occurredAt),
            ListExport.Column.of("audit.actor", AuditRecord::actor),
            ListExport.Column.of("audit.ip", AuditRecord::clientIp),
            ListExport.Column.of("audit.action", AuditRecord::action),
            ListExport.Column.of("audit.targetType", AuditRecord::targetType),
            ListExport.Column.of("audit.target", AuditRecord::targetId),
            ListExport.Column.of("audit.outcome", AuditRecord::outcome),
            ListExport.Column.of("audit.details", AuditRecord::details),
            ListExport.Column.of("audit.hash", AuditRecord::hash));

    private final AuditTrail trail;
    private final ListExport export;
    private final Settings settings;

    AuditExport(AuditTrail trail, ListExport export, Settings settings) {
        this.trail = trail;
        this.export = export;
        this.settings = settings;
    }

    void write(AuditQuery query, String format, Locale locale, HttpServletResponse response) throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format == null ? "csv" : format);
        List<AuditRecord> rows = new ArrayList<>();
        trail.forEach(query, record -> {
            if (rows.size() <= ListExport.MAX_ROWS) {
                rows.add(record);
            }
        });
        export.write(chosen, new ListExport.Table<>("audit", COLUMNS, rows,
                java.util.Map.of("query", List.of(String.valueOf(query)))), settings.current().zone(), locale, response);
    }
}
