package org.medops.opsdesk.insight;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskAction;
import org.medops.opsdesk.OpsdeskSystems;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 问题台账: the page, its API and its Excel export, for the hospital staff designated to read it. */
@Controller
class LedgerController {

    private final Ledger ledger;
    private final OpsdeskSystems systems;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final HospitalZone zone;

    LedgerController(Ledger ledger, OpsdeskSystems systems, MessageSource messages, ApplicationEventPublisher events,
                     HospitalZone zone) {
        this.zone = zone;
        this.ledger = ledger;
        this.systems = systems;
        this.messages = messages;
        this.events = events;
    }

    @GetMapping("/opsdesk/ledger")
    @PreAuthorize("hasAuthority('opsdesk:ledger')")
    String page(@RequestParam(required = false) Ledger.Kind kind, @RequestParam(required = false) String system,
                @RequestParam(required = false) Boolean open, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("entries", ledger.search(new Ledger.Filter(kind, system, open, q, null, null), 500));
        model.addAttribute("kind", kind);
        model.addAttribute("system", system);
        model.addAttribute("open", open);
        model.addAttribute("q", q);
        model.addAttribute("kinds", Ledger.Kind.values());
        model.addAttribute("systems", systems.active());
        return "opsdesk/ledger";
    }

    @GetMapping("/api/v1/opsdesk/ledger")
    @PreAuthorize("hasAuthority('opsdesk:ledger')")
    @ResponseBody
    List<Ledger.Entry> api(@RequestParam(required = false) Ledger.Kind kind, @RequestParam(required = false) String system,
                           @RequestParam(required = false) Boolean open, @RequestParam(required = false) String q) {
        return ledger.search(new Ledger.Filter(kind, system, open, q, null, null), 5000);
    }

    /** The export is a read of the whole register: it is audited like any other export. */
    @GetMapping("/api/v1/opsdesk/ledger/export.xlsx")
    @PreAuthorize("hasAuthority('opsdesk:ledger')")
    void export(@RequestParam(required = false) Ledger.Kind kind, @RequestParam(required = false) String system,
                @RequestParam(required = false) Boolean open, @RequestParam(required = false) String q, Locale locale,
                HttpServletResponse response) throws IOException {
        List<Ledger.Entry> entries = ledger.search(new Ledger.Filter(kind, system, open, q, null, null), 20_000);
        events.publishEvent(new OpsdeskAction("ledger.export", "ledger", "xlsx",
                List.of(org.medops.shared.FieldChange.set("rows", entries.size()))));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("medops-ledger.xlsx").build().toString());
        LedgerExport.xlsx(entries, zone.get(), LedgerExport.labels(messages, locale), response.getOutputStream());
    }
}
