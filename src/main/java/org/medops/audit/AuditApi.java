package org.medops.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    /** The most records one call returns; the caller pages on with {@code before}. */
    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;
    private final ChainAnchor anchor;
    private final AuditExport export;
    private final ApplicationEventPublisher events;

    AuditApi(AuditTrail trail, ChainAnchor anchor, AuditExport export, ApplicationEventPublisher events) {
        this.trail = trail;
        this.anchor = anchor;
        this.export = export;
        this.events = events;
    }

    @GetMapping
    @CanReadAudit
    AuditPage search(AuditQuery query, @RequestParam(required = false) Long before,
                     @RequestParam(defaultValue = "100") int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<AuditEntry> entries = trail.search(query, size, before).stream().map(AuditEntry::of).toList();
        Long next = entries.size() == size ? entries.get(entries.size() - 1).seq() : null;
        return new AuditPage(entries, next);
    }

    @GetMapping("/verify")
    @CanReadAudit
    ChainVerification verify() {
        ChainVerification verification = trail.verify(anchor.read());
        events.publishEvent(new AuditAccessed("audit.verify", verification.intact() ? "intact" : "broken"));
        return verification;
    }

    /** The checkpoint key's public half and the newest checkpoint: what the audit administrator keeps. */
    @GetMapping("/checkpoints")
    @CanReadAudit
    Anchoring checkpoints() {
        ChainAnchor.Checkpoints all = anchor.read();
        return new Anchoring(anchor.key().id(), anchor.key().publicKeyBase64(), all.valid().size(),
                all.newest().orElse(null));
    }

    /** Anchors the current head now, e.g. before a backup is handed over; 409 when the chain does not hold. */
    @PostMapping("/checkpoints")
    @CanReadAudit
    Checkpoint checkpoint() {
        Checkpoint written = anchor.checkpoint()
                .orElseThrow(() -> ProblemException.conflict("audit-chain-broken"));
        events.publishEvent(new AuditAccessed("audit.checkpoint", String.valueOf(written.seq())));
        return written;
    }

    @GetMapping("/export")
    @CanExportAudit
    void export(AuditQuery query, @org.springframework.web.bind.annotation.RequestParam(required = false) String format,
                java.util.Locale locale, HttpServletResponse response) throws IOException {
        export.write(query, format, locale, response);
    }

    record Anchoring(String keyId, String publicKey, int checkpoints, Checkpoint lastCheckpoint) {
    }

    record AuditPage(List<AuditEntry> entries, Long nextBefore) {
    }

    record AuditEntry(long seq, Instant occurredAt, String actor, String clientIp, String action,
                      String targetType, String targetId, String outcome, String details, String hash) {
        static AuditEntry of(AuditRecord r) {
            return new AuditEntry(r.seq(), r.occurredAt(), r.actor(), r.clientIp(), r.action(), r.targetType(),
                    r.targetId(), r.outcome(), r.details(), r.hash());
        }
    }
}
