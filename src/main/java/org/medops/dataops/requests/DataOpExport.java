package org.medops.dataops.requests;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.springframework.stereotype.Component;

/** The request list as CSV or Excel: the list's columns, no SQL text and no before-image; the export is audited. */
@Component
class DataOpExport {

    static final List<ListExport.Column<DataOpQueries.Row>> COLUMNS = List.of(
            ListExport.Column.of("field.id", DataOpQueries.Row::id),
            ListExport.Column.of("dataops.field.target", DataOpQueries.Row::target),
            ListExport.Column.label("dataops.field.status", r -> "dataops.status." + r.status().name()),
            ListExport.Column.of("dataops.field.expectedRows", DataOpQueries.Row::expectedRows),
            ListExport.Column.of("dataops.field.rows", DataOpQueries.Row::affectedRows),
            ListExport.Column.of("dataops.field.requestedBy", DataOpQueries.Row::requestedBy),
            ListExport.Column.of("dataops.field.requestedAt", DataOpQueries.Row::requestedAt),
            ListExport.Column.of("dataops.field.rollbackOf", DataOpQueries.Row::rollbackOf),
            ListExport.Column.of("dataops.field.reason", DataOpQueries.Row::reason));

    private final DataOpQueries queries;
    private final ListExport export;
    private final Settings settings;

    DataOpExport(DataOpQueries queries, ListExport export, Settings settings) {
        this.queries = queries;
        this.export = export;
        this.settings = settings;
    }

    void write(DataOpListQuery query, String format, Locale locale, HttpServletRequest http,
               HttpServletResponse response) throws IOException {
        export.export("dataops-requests", COLUMNS, queries, query.filter(), query.request(), format,
                settings.current().zone(), locale, http, response);
    }
}
