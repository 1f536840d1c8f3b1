package org.medops.opsdesk.insight;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 问题台账: the page and the export (CSV, Excel) both it and {@link LedgerApi} use, for the designated staff. */
@Controller
class LedgerController {

    /** The ledger's URL parameters, alike for the page, the API and the export. */
    record LedgerQuery(Ledger.Kind kind, String system, Boolean open, String q, Integer page, Integer size, String sort,
                       String export) {
        Ledger.Filter filter() {
            return new Ledger.Filter(kind, system, open, q, null, null);
        }

        ListRequest request() {
            return ListRequest.of(page, size, sort, Ledger.SORT);
        }
    }

    private static final List<ListExport.Column<Ledger.Entry>> COLUMNS = List.of(
            ListExport.Column.label("ledger.kind", e -> "ledger.kind." + e.kind()),
            ListExport.Column.of("ledger.reference", Ledger.Entry::reference),
            ListExport.Column.of("tickets.titleField", Ledger.Entry::title),
            ListExport.Column.of("tickets.system", Ledger.Entry::system),
            ListExport.Column.label("tickets.status", e -> e.statusKey() + e.status()),
            ListExport.Column.of("ledger.openedAt", Ledger.Entry::openedAt),
            ListExport.Column.of("ledger.closedAt", Ledger.Entry::closedAt),
            ListExport.Column.composed("ledger.handling", (e, label) -> e.handlingStep() == null ? ""
                    : label.apply(e.stepKey() + e.handlingStep()) + " · " + e.handlingBy()
                    + (e.handlingNote() == null || e.handlingNote().isBlank() ? "" : " · " + e.handlingNote())),
            ListExport.Column.of("ledger.solution", Ledger.Entry::solution));

    private final Ledger ledger;
    private final OpsdeskSystems systems;
    private final ListExport export;
    private final HospitalZone zone;

    LedgerController(Ledger ledger, OpsdeskSystems systems, ListExport export, HospitalZone zone) {
        this.zone = zone;
        this.ledger = ledger;
        this.systems = systems;
        this.export = export;
    }

    @GetMapping("/opsdesk/ledger")
    @CanReadLedger
    String page(LedgerQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response, Model model)
            throws IOException {
        if (query.export() != null) {
            export(query, query.export(), locale, http, response);
            return null;
        }
        try {
            model.addAttribute("entries", page(query, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("entries", ListPage.empty(Ledger.SORT, http));
        }
        model.addAttribute("query", query);
        model.addAttribute("kinds", Ledger.Kind.values());
        model.addAttribute("systems", systems.active());
        return "opsdesk/ledger";
    }

    ListPage<Ledger.Entry> page(LedgerQuery query, HttpServletRequest http) {
        return ListPage.of(ledger, query.filter(), query.request(), http);
    }

    void export(LedgerQuery query, String format, Locale locale, HttpServletRequest http,
                        HttpServletResponse response) throws IOException {
        export.export("ledger", COLUMNS, ledger, query.filter(), query.request(), format, zone.get(), locale, http,
                response);
    }
}
