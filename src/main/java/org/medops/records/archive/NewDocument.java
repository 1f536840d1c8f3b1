package org.medops.records.archive;

/**
 * An upload: what the document is, its own version label and author, and the file.
 *
 * @param signedBy who signed the paper original for the hospital, when the upload is a signed scan; null otherwise
 */
record NewDocument(ArchivedDocument.Details details, String label, String author, String signedBy, String fileName,
                   byte[] content) {
}
