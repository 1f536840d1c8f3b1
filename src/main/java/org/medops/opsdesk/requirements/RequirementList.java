package org.medops.opsdesk.requirements;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.springframework.stereotype.Component;

/** The requirement list for the page, the API and the export: one query, one set of columns. */
@Component
class RequirementList {

    private static final List<ListExport.Column<RequirementQueries.RequirementRow>> COLUMNS = List.of(
            ListExport.Column.of("requirements.field.id", RequirementQueries.RequirementRow::id),
            ListExport.Column.of("requirements.field.title", RequirementQueries.RequirementRow::title),
            ListExport.Column.of("opsdeskWork.system", RequirementQueries.RequirementRow::systemName),
            ListExport.Column.of("requirements.field.submitter", RequirementQueries.RequirementRow::submitter),
            ListExport.Column.label("requirements.field.status", r -> "requirements.status." + r.status()),
            ListExport.Column.of("requirements.field.engineer", RequirementQueries.RequirementRow::answeredByName),
            ListExport.Column.of("requirements.field.personDays", RequirementQueries.RequirementRow::chargedDays),
            ListExport.Column.of("requirements.field.dueDate", RequirementQueries.RequirementRow::dueDate),
            ListExport.Column.of("requirements.field.submittedAt", RequirementQueries.RequirementRow::submittedAt));

    private final RequirementQueries queries;
    private final HospitalZone zone;
    private final ListExport export;

    RequirementList(RequirementQueries queries, HospitalZone zone, ListExport export) {
        this.queries = queries;
        this.zone = zone;
        this.export = export;
    }

    ListPage<RequirementQueries.RequirementRow> page(RequirementListQuery query, HttpServletRequest http) {
        return ListPage.of(queries, query.filter(), query.request(), http);
    }

    /** An empty page in the default order, for a page whose parameters were refused. */
    ListPage<RequirementQueries.RequirementRow> empty(HttpServletRequest http) {
        return ListPage.empty(RequirementQueries.SORT, http);
    }

    List<RequirementQueries.Engineer> engineers() {
        return queries.engineers();
    }

    void export(RequirementListQuery query, String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        export.export("requirements", COLUMNS, queries, query.filter(), query.request(), format, zone.get(), locale, http,
                response);
    }
}
