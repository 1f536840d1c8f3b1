package org.medops.opsdesk.insight;

import org.medops.opsdesk.insight.LedgerController.LedgerQuery;
import org.medops.shared.ListPage;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's API and export: a REST controller, so refusals are problem details, not the console's error page. */
@RestController
class LedgerApi {

    private final LedgerController page;

    LedgerApi(LedgerController page) {
        this.page = page;
    }

    @GetMapping("/api/v1/opsdesk/ledger")
    @CanReadLedger
    ListPage<Ledger.Entry> api(LedgerQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        if (query.export() != null) {
            page.export(query, query.export(), locale, http, response);
            return null;
        }
        return page.page(query, http);
    }

    /** The export is a read of the whole register: it is audited like any other export. */
    @GetMapping({"/api/v1/opsdesk/ledger/export.xlsx", "/api/v1/opsdesk/ledger/export.csv"})
    @CanReadLedger
    void export(LedgerQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        page.export(query, http.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", locale, http, response);
    }
}
