package org.medops.opsdesk.tickets;

import org.medops.opsdesk.HospitalZone;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/** The ticket list for the page, the API and the export: one query, one set of columns. */
@Component
class TicketList {

    private static final List<ListExport.Column<TicketQueries.TicketRow>> COLUMNS = List.of(
            ListExport.Column.of("tickets.number", TicketQueries.TicketRow::number),
            ListExport.Column.of("tickets.titleField", TicketQueries.TicketRow::title),
            ListExport.Column.of("tickets.system", TicketQueries.TicketRow::systems),
            ListExport.Column.label("tickets.priority", r -> "ticket.priority." + r.priority()),
            ListExport.Column.label("tickets.status", r -> "ticket.status." + r.status()),
            ListExport.Column.of("tickets.assignee", TicketQueries.TicketRow::assigneeName),
            ListExport.Column.label("tickets.source", r -> "ticket.source." + r.source()),
            ListExport.Column.of("tickets.reportedAt", TicketQueries.TicketRow::reportedAt),
            ListExport.Column.of("tickets.responseDue", TicketQueries.TicketRow::responseDue),
            ListExport.Column.of("tickets.resolutionDue", TicketQueries.TicketRow::resolutionDue),
            ListExport.Column.of("tickets.breached", TicketQueries.TicketRow::breached),
            ListExport.Column.of("tickets.closedAt", TicketQueries.TicketRow::closedAt));

    private final TicketQueries queries;
    private final HospitalZone zone;
    private final ListExport export;
    private final Clock clock;

    TicketList(TicketQueries queries, HospitalZone zone, ListExport export, Clock clock) {
        this.queries = queries;
        this.zone = zone;
        this.export = export;
        this.clock = clock;
    }

    ListPage<TicketQueries.TicketRow> page(TicketListQuery query, String me, HttpServletRequest http) {
        ListRequest request = query.request();
        TicketQueries.TicketFilter filter = query.filter(me, zone.get());
        Instant now = clock.instant();
        return ListPage.of(queries.page(filter, request, now), queries.count(filter, now), request, http);
    }

    /** How many tickets the query shows: what a workbench number says about the list it links to. */
    long count(TicketListQuery query, String me) {
        return queries.count(query.filter(me, zone.get()), clock.instant());
    }

    /** The first rows of the query in its order, for pages that show one queue whole (dispatch). */
    List<TicketQueries.TicketRow> first(TicketListQuery query, String me, int limit) {
        return queries.rows(query.filter(me, zone.get()), query.request().sort(), 0, limit, clock.instant());
    }

    /** An empty page in the default order, for a page whose parameters were refused. */
    ListPage<TicketQueries.TicketRow> empty(HttpServletRequest http) {
        return ListPage.of(List.of(), 0, ListRequest.of(null, null, null, TicketQueries.SORT), http);
    }

    void export(TicketListQuery query, String format, String me, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        ListRequest request = query.request();
        List<TicketQueries.TicketRow> rows = queries.rows(query.filter(me, zone.get()), request.sort(), 0,
                ListExport.MAX_ROWS + 1, clock.instant());
        export.write(chosen, new ListExport.Table<>("tickets", COLUMNS, rows,
                ListPage.of(List.of(), 0, request, http).filter()), zone.get(), locale, response);
    }
}
