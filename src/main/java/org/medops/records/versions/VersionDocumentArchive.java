package org.medops.records.versions;

import java.time.Instant;
import java.util.List;

import org.medops.records.ArchiveSource;
import org.springframework.stereotype.Component;

/** The versions' manuals and update notes for the archive, as uploaded, dated by the upload. */
@Component
class VersionDocumentArchive implements ArchiveSource {

    private final Versions versions;

    VersionDocumentArchive(Versions versions) {
        this.versions = versions;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        return versions.documentsUploaded(from, to).stream().map(d -> {
            InstalledVersion v = versions.find(d.versionId()).orElseThrow();
            return new Document("version-document:" + d.id(), d.kind().name(), v.systemCode(),
                    v.systemCode() + " " + v.version() + " · " + d.fileName(), v.version(), d.uploadedAt(),
                    d.uploadedBy(), null, d.fileName(), d.contentType(), versions.content(d.id()));
        }).toList();
    }
}
