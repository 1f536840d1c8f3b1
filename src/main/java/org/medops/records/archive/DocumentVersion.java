package org.medops.records.archive;

import java.time.Instant;

/**
 * One stored version of a document's file, with the SHA-256 of exactly the bytes kept.
 *
 * @param label  the document's own version as its author numbers it (V1.2), if given
 * @param author who wrote it; {@code addedBy} is who put it in the archive
 */
record DocumentVersion(long documentId, int version, String label, String author, String fileName, String contentType,
                       long sizeBytes, String sha256, Instant addedAt, String addedBy) {
}
