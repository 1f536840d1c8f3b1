package org.medops.records.archive;

import java.time.Instant;
import java.time.LocalDate;

import org.medops.shared.ProblemException;

/**
 * One archived document: what it is (type, system, title, date), its current version and, once the hospital signed
 * it, who and when — after which it is frozen: no edit, no new version.
 *
 * @param sourceKey the key of the source it was collected from, null for an upload
 */
record ArchivedDocument(long id, String sourceKey, String type, String system, String title, LocalDate datedOn,
                        int version, String signedBy, Instant signedAt, Instant createdAt, String createdBy,
                        Instant updatedAt) {

    static final int MAX_TITLE = 300;

    /** What may be edited about a document while it is unsigned. */
    record Details(String type, String system, String title, LocalDate datedOn) {

        Details {
            type = DocumentTypes.require(type);
            system = system == null || system.isBlank() ? null : system.strip();
            title = title == null ? "" : title.strip();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                throw ProblemException.invalid("archive-title-invalid", MAX_TITLE);
            }
            if (datedOn == null) {
                throw ProblemException.invalid("archive-date-missing");
            }
        }
    }

    boolean signed() {
        return signedAt != null;
    }

    Details details() {
        return new Details(type, system, title, datedOn);
    }

    ArchivedDocument edit(Details details, Instant at) {
        refuseIfSigned();
        return new ArchivedDocument(id, sourceKey, details.type(), details.system(), details.title(), details.datedOn(),
                version, signedBy, signedAt, createdAt, createdBy, at);
    }

    ArchivedDocument nextVersion(Instant at) {
        refuseIfSigned();
        return new ArchivedDocument(id, sourceKey, type, system, title, datedOn, version + 1, signedBy, signedAt,
                createdAt, createdBy, at);
    }

    ArchivedDocument sign(String by, Instant at) {
        refuseIfSigned();
        if (by == null || by.isBlank() || by.length() > 100) {
            throw ProblemException.invalid("archive-sign-name", 100);
        }
        return new ArchivedDocument(id, sourceKey, type, system, title, datedOn, version, by.strip(), at, createdAt,
                createdBy, at);
    }

    private void refuseIfSigned() {
        if (signed()) {
            throw ProblemException.conflict("archive-document-signed", String.valueOf(id));
        }
    }
}
