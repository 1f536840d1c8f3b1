package org.medops.audit;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page (审计日志): filters, keyset paging, CSV export. Audit administrators only. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final ChainAnchor anchor;
    private final AuditExport export;
    private final ApplicationEventPublisher events;
    private final Settings settings;

    AuditController(AuditTrail trail, ChainAnchor anchor, AuditExport export, ApplicationEventPublisher events,
                    Settings settings) {
        this.trail = trail;
        this.anchor = anchor;
        this.export = export;
        this.events = events;
        this.settings = settings;
    }

    @GetMapping("/audit")
    @CanReadAudit
    String list(AuditFilter filter, @RequestParam(required = false) Long before, Model model) {
        List<AuditRecord> records = trail.search(filter.toQuery(settings.current().zone()), PAGE_SIZE, before);
        model.addAttribute("filter", filter);
        model.addAttribute("records", records);
        model.addAttribute("nextBefore", records.size() == PAGE_SIZE ? records.get(records.size() - 1).seq() : null);
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    @CanReadAudit
    String verify(Model model) {
        ChainVerification verification = trail.verify(anchor.read());
        events.publishEvent(new AuditAccessed("audit.verify", verification.intact() ? "intact" : "broken"));
        model.addAttribute("verification", verification);
        model.addAttribute("anchorKey", anchor.key());
        return "audit/verify";
    }

    @PostMapping("/audit/checkpoints")
    @CanReadAudit
    String checkpoint(RedirectAttributes redirect) {
        anchor.checkpoint().ifPresentOrElse(written -> {
            events.publishEvent(new AuditAccessed("audit.checkpoint", String.valueOf(written.seq())));
            redirect.addFlashAttribute("checkpointSeq", written.seq());
        }, () -> redirect.addFlashAttribute("problem", ProblemException.conflict("audit-chain-broken")));
        return "redirect:/audit/verify";
    }

    @GetMapping({"/audit/export.csv", "/audit/export.xlsx"})
    @CanExportAudit
    void export(AuditFilter filter, java.util.Locale locale, jakarta.servlet.http.HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        export.write(filter.toQuery(settings.current().zone()), http.getRequestURI().endsWith(".xlsx") ? "xlsx" : "csv",
                locale, response);
    }
}
