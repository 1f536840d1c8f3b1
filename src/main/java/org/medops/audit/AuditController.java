package org.medops.audit;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page (审计日志): filters, keyset paging, CSV export. Audit administrators only. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final AuditExport export;
    private final ApplicationEventPublisher events;

    AuditController(AuditTrail trail, AuditExport export, ApplicationEventPublisher events) {
        this.trail = trail;
        this.export = export;
        this.events = events;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String list(AuditQuery query, @RequestParam(required = false) Long before, Model model) {
        List<AuditRecord> records = trail.search(query, PAGE_SIZE, before);
        model.addAttribute("query", query);
        model.addAttribute("records", records);
        model.addAttribute("nextBefore", records.size() == PAGE_SIZE ? records.get(records.size() - 1).seq() : null);
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasAuthority('audit:read')")
    String verify(Model model) {
        ChainVerification verification = trail.verify();
        events.publishEvent(new AuditAccessed("audit.verify", verification.intact() ? "intact" : "broken"));
        model.addAttribute("verification", verification);
        return "audit/verify";
    }

    @GetMapping("/audit/export.csv")
    @PreAuthorize("hasAuthority('audit:export')")
    void export(AuditQuery query, HttpServletResponse response) throws IOException {
        export.write(query, response);
    }
}
