package org.medops.opsdesk.defects;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.springframework.stereotype.Component;

/** The defect list for the page, the API and the export: one query, one set of columns. */
@Component
class DefectList {

    private static final List<ListExport.Column<DefectQueries.DefectRow>> COLUMNS = List.of(
            ListExport.Column.of("defects.field.id", DefectQueries.DefectRow::id),
            ListExport.Column.of("defects.field.title", DefectQueries.DefectRow::title),
            ListExport.Column.of("opsdeskWork.system", DefectQueries.DefectRow::systemName),
            ListExport.Column.label("defects.field.severity", d -> "defects.severity." + d.severity()),
            ListExport.Column.of("defects.field.productName", DefectQueries.DefectRow::product),
            ListExport.Column.of("defects.field.version", DefectQueries.DefectRow::productVersion),
            ListExport.Column.label("defects.field.status", d -> "defects.status." + d.status()),
            ListExport.Column.of("defects.field.fixedVersion", DefectQueries.DefectRow::fixedVersion),
            ListExport.Column.of("defects.field.reportedBy", DefectQueries.DefectRow::reportedByName),
            ListExport.Column.of("defects.field.reportedAt", DefectQueries.DefectRow::reportedAt));

    private final DefectQueries queries;
    private final HospitalZone zone;
    private final ListExport export;

    DefectList(DefectQueries queries, HospitalZone zone, ListExport export) {
        this.queries = queries;
        this.zone = zone;
        this.export = export;
    }

    ListPage<DefectQueries.DefectRow> page(DefectListQuery query, HttpServletRequest http) {
        return ListPage.of(queries, query.filter(), query.request(), http);
    }

    /** An empty page in the default order, for a page whose parameters were refused. */
    ListPage<DefectQueries.DefectRow> empty(HttpServletRequest http) {
        return ListPage.empty(DefectQueries.SORT, http);
    }

    List<DefectQueries.Reporter> reporters() {
        return queries.reporters();
    }

    void export(DefectListQuery query, String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        export.export("defects", COLUMNS, queries, query.filter(), query.request(), format, zone.get(), locale, http,
                response);
    }
}
