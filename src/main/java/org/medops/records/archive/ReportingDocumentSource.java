package org.medops.records.archive;

import java.time.Instant;
import java.util.List;

import org.medops.records.ArchiveSource;
import org.medops.reporting.ReportingDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reporting's service reports (periods that ended) and finalised scorecards as archive documents, through what
 * reporting publishes; absent reporting, none.
 */
@Component
class ReportingDocumentSource implements ArchiveSource {

    private final ObjectProvider<ReportingDocuments> reporting;

    ReportingDocumentSource(ObjectProvider<ReportingDocuments> reporting) {
        this.reporting = reporting;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        return reporting.orderedStream().flatMap(r -> r.documents(from, to).stream())
                .map(d -> new Document(d.key(), d.type(), null, d.title(), d.version(), d.at(), d.author(), d.signedBy(),
                        d.fileName(), d.contentType(), d.content()))
                .toList();
    }
}
