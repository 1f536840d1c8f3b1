package org.medops.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The documents reporting produces that belong in the records archive and the handover package: the quarterly and
 * annual service reports of periods that have ended (PDF) and the finalised scorecards (the signed content and the
 * electronically signed PDF). Published here so the archive need not reach reporting's nested modules; read-only.
 */
public interface ReportingDocuments {

    /**
     * @param key      stable id, e.g. {@code service-report:2026-Q3}
     * @param type     {@code SERVICE_REPORT} or {@code SCORECARD}
     * @param signedBy who signed it for the hospital (a finalised scorecard's signer), else null
     */
    record Document(String key, String type, String title, String version, Instant at, String author,
                    String signedBy, String fileName, String contentType, byte[] content) {
    }

    /** The documents dated at or after {@code from} and before {@code to}. */
    List<Document> documents(Instant from, Instant to);
}
