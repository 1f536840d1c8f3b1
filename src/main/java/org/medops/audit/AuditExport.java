package org.medops.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The CSV export, shared by the page and the API; the export itself is audited. */
@Component
class AuditExport {

    private final AuditTrail trail;
    private final ApplicationEventPublisher events;

    AuditExport(AuditTrail trail, ApplicationEventPublisher events) {
        this.trail = trail;
        this.events = events;
    }

    void write(AuditQuery query, HttpServletResponse response) throws IOException {
        events.publishEvent(new AuditAccessed("audit.export", "csv"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"medops-audit.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // lets Excel open the UTF-8 Chinese text correctly
        AuditCsv csv = new AuditCsv(writer);
        csv.header();
        trail.forEach(query, csv::row);
        writer.flush();
    }
}
