package org.medops.records;

import java.time.Instant;
import java.util.List;

/**
 * A feature that holds documents (upgrade assessments and plans, emergency plans, drill records …) lists them for
 * the document archive and the handover package. The archive stores its own copy with a checksum the first time
 * it sees a document and a new version when the content changes, so nothing a source does later alters what was
 * archived; a signed document is immutable.
 */
public interface ArchiveSource {

    /**
     * @param sourceKey stable id within all sources, e.g. {@code upgrade:<id>:assessment}
     * @param type      document type code; its label is the message {@code records.document.type.<type>}
     * @param system    the managed system's code, or null when the document is not about one system
     * @param signedBy  who signed or agreed it for the hospital, or null while it is not
     */
    record Document(String sourceKey, String type, String system, String title, String version, Instant at,
                    String author, String signedBy, String fileName, String contentType, byte[] content) {
    }

    /** The source's documents dated at or after {@code from} and before {@code to}. */
    List<Document> documents(Instant from, Instant to);
}
