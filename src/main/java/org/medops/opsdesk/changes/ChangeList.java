package org.medops.opsdesk.changes;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.springframework.stereotype.Component;

/** The change list for the page, the API and the export: one query, one set of columns. */
@Component
class ChangeList {

    private static final List<ListExport.Column<ChangeQueries.ChangeRow>> COLUMNS = List.of(
            ListExport.Column.of("changes.field.id", ChangeQueries.ChangeRow::id),
            ListExport.Column.of("changes.field.title", ChangeQueries.ChangeRow::title),
            ListExport.Column.of("opsdeskWork.system", ChangeQueries.ChangeRow::systemName),
            ListExport.Column.label("changes.field.environment", c -> "changes.environment." + c.environment()),
            ListExport.Column.label("changes.field.risk", c -> "changes.risk." + c.risk()),
            ListExport.Column.of("changes.field.plannedStart", ChangeQueries.ChangeRow::plannedStart),
            ListExport.Column.of("changes.field.plannedEnd", ChangeQueries.ChangeRow::plannedEnd),
            ListExport.Column.label("changes.field.status", c -> "changes.status." + c.status()),
            ListExport.Column.label("changes.field.result", c -> c.result() == null ? null : "changes.result." + c.result()),
            ListExport.Column.of("changes.field.requestedBy", ChangeQueries.ChangeRow::requestedByName),
            ListExport.Column.of("changes.field.signerName", ChangeQueries.ChangeRow::authorizerName));

    private final ChangeQueries queries;
    private final HospitalZone zone;
    private final ListExport export;

    ChangeList(ChangeQueries queries, HospitalZone zone, ListExport export) {
        this.queries = queries;
        this.zone = zone;
        this.export = export;
    }

    ListPage<ChangeQueries.ChangeRow> page(ChangeListQuery query, HttpServletRequest http) {
        return ListPage.of(queries, query.filter(), query.request(), http);
    }

    /** An empty page in the default order, for a page whose parameters were refused. */
    ListPage<ChangeQueries.ChangeRow> empty(HttpServletRequest http) {
        return ListPage.empty(ChangeQueries.SORT, http);
    }

    List<ChangeQueries.Requester> requesters() {
        return queries.requesters();
    }

    void export(ChangeListQuery query, String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        export.export("changes", COLUMNS, queries, query.filter(), query.request(), format, zone.get(), locale, http,
                response);
    }
}
