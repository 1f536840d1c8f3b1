package org.medops.records.versions;

import java.time.Instant;

/** A version's uploaded document, without its bytes; the checksum is SHA-256 of the content as uploaded. */
record VersionDocument(long id, long versionId, VersionDocumentKind kind, String fileName, String contentType,
                       long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
