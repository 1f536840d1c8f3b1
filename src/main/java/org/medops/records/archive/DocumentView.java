package org.medops.records.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A document with every version, newest first, for the API and the document page. */
record DocumentView(long id, String sourceKey, String type, String system, String title, LocalDate datedOn,
                    int version, boolean signed, String signedBy, Instant signedAt, Instant createdAt, String createdBy,
                    List<DocumentVersion> versions) {

    static DocumentView of(ArchivedDocument d, List<DocumentVersion> versions) {
        return new DocumentView(d.id(), d.sourceKey(), d.type(), d.system(), d.title(), d.datedOn(), d.version(),
                d.signed(), d.signedBy(), d.signedAt(), d.createdAt(), d.createdBy(), versions);
    }

    DocumentVersion current() {
        return versions.isEmpty() ? null : versions.get(0);
    }
}
