package org.medops.records.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.records.ArchiveSource;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files documents: uploads, and whatever the sources list when collected — the first time as a new document, later
 * as a new version only when the bytes differ, never once the document is signed. Edits and new versions of a signed
 * document are refused (409). Every change is audited.
 */
@Service
class Archive {

    private final Documents documents;
    private final OpsdeskSystems systems;
    private final HospitalZone zone;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Archive(Documents documents, OpsdeskSystems systems, HospitalZone zone, ApplicationEventPublisher events,
            Clock clock) {
        this.documents = documents;
        this.systems = systems;
        this.zone = zone;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    DocumentView upload(NewDocument upload, String actor) {
        ArchivedDocument.Details details = upload.details();
        requireSystem(details.system());
        String name = ArchiveFiles.safeName(upload.fileName());
        String type = ArchiveFiles.contentType(name, upload.content());
        Instant now = clock.instant();
        String signedBy = upload.signedBy() == null || upload.signedBy().isBlank() ? null : upload.signedBy().strip();
        ArchivedDocument draft = new ArchivedDocument(0, null, details.type(), details.system(), details.title(),
                details.datedOn(), 1, signedBy, signedBy == null ? null : now, now, actor, now);
        long id = documents.insert(draft);
        DocumentVersion version = new DocumentVersion(id, 1, label(upload.label()), text(upload.author(), 128), name, type,
                upload.content().length, sha256(upload.content()), now, actor);
        documents.addVersion(version, upload.content());
        events.publishEvent(ArchiveAction.document("records.archive.upload", id, List.of(
                FieldChange.set("archiveType", details.type()), FieldChange.set("system", details.system()),
                FieldChange.set("archiveTitle", details.title()), FieldChange.set("fileName", name),
                FieldChange.set("sha256", version.sha256()), FieldChange.set("archiveSignedBy", signedBy))));
        return view(id);
    }

    @Transactional
    DocumentView edit(long id, ArchivedDocument.Details details, String actor) {
        ArchivedDocument before = lock(id);
        requireSystem(details.system());
        ArchivedDocument after = before.edit(details, clock.instant());
        documents.update(after);
        events.publishEvent(ArchiveAction.document("records.archive.edit", id, FieldChange.between(before.details(),
                after.details())));
        return view(id);
    }

    @Transactional
    DocumentView addVersion(long id, String label, String author, String fileName, byte[] content, String actor) {
        ArchivedDocument before = lock(id);
        ArchivedDocument after = before.nextVersion(clock.instant());
        String name = ArchiveFiles.safeName(fileName);
        String type = ArchiveFiles.contentType(name, content);
        DocumentVersion version = new DocumentVersion(id, after.version(), label(label), text(author, 128), name, type,
                content.length, sha256(content), clock.instant(), actor);
        documents.update(after);
        documents.addVersion(version, content);
        events.publishEvent(ArchiveAction.document("records.archive.version", id, List.of(
                FieldChange.of("archiveVersion", before.version(), after.version()), FieldChange.set("fileName", name),
                FieldChange.set("sha256", version.sha256()))));
        return view(id);
    }

    @Transactional
    DocumentView sign(long id, String name, String actor) {
        ArchivedDocument before = lock(id);
        ArchivedDocument after = before.sign(name, clock.instant());
        documents.update(after);
        events.publishEvent(ArchiveAction.document("records.archive.sign", id, List.of(
                FieldChange.set("archiveSignedBy", after.signedBy()),
                FieldChange.set("sha256", documents.currentSha256(id).orElse(null)))));
        return view(id);
    }

    DocumentView view(long id) {
        ArchivedDocument document = documents.find(id).orElseThrow(() -> ProblemException.notFound("records-document", id));
        return DocumentView.of(document, documents.versions(id));
    }

    /** What happened to one source document when collected. */
    /**
     * {@code SIGNED_REFORMATTED}: the source now gives the signed document in another format (the platform's records
     * became PDF where they were text): the signed copy is kept as it is, and that is expected, not a warning.
     */
    enum Filed { NEW, VERSION, UNCHANGED, SIGNED_KEPT, SIGNED_REFORMATTED }

    /**
     * Files one source document in its own transaction: new, a new version, unchanged, or — the content changed but
     * the archived copy is signed — kept as signed. A document the source reports as signed is archived as signed.
     */
    @Transactional
    Filed file(ArchiveSource.Document source) {
        String key = text(source.sourceKey(), 200);
        if (key == null || source.content() == null || source.content().length == 0) {
            throw ProblemException.invalid("archive-source-document-invalid", String.valueOf(source.sourceKey()));
        }
        String name = ArchiveFiles.safeName(source.fileName());
        String contentType = source.contentType() == null || source.contentType().isBlank()
                ? ArchiveFiles.contentType(name, source.content()) : source.contentType();
        String hash = sha256(source.content());
        Instant now = clock.instant();
        Instant at = source.at() == null ? now : source.at();
        String signedBy = text(source.signedBy(), 128);
        ArchivedDocument existing = documents.lockBySource(key).orElse(null);
        if (existing == null) {
            ArchivedDocument.Details details = new ArchivedDocument.Details(source.type(), source.system(),
                    source.title() == null ? name : text(source.title(), ArchivedDocument.MAX_TITLE),
                    LocalDate.ofInstant(at, zone.get()));
            long id = documents.insert(new ArchivedDocument(0, key, details.type(), details.system(), details.title(),
                    details.datedOn(), 1, signedBy, signedBy == null ? null : at, now, "system", now));
            documents.addVersion(new DocumentVersion(id, 1, label(source.version()), text(source.author(), 128), name,
                    contentType, source.content().length, hash, now, "system"), source.content());
            // The source's key is an internal reference (kept on the document), not a reader's word for the trail.
            events.publishEvent(ArchiveAction.document("records.archive.collect", id, List.of(
                    FieldChange.set("archiveTitle", details.title()), FieldChange.set("archiveType", details.type()),
                    FieldChange.set("fileName", name), FieldChange.set("sha256", hash),
                    FieldChange.set("archiveSignedBy", signedBy))));
            return Filed.NEW;
        }
        if (hash.equals(documents.currentSha256(existing.id()).orElse(null))) {
            if (!existing.signed() && signedBy != null) {
                documents.update(existing.sign(signedBy, at));
                events.publishEvent(ArchiveAction.document("records.archive.sign", existing.id(), List.of(
                        FieldChange.set("archiveSource", key), FieldChange.set("archiveSignedBy", signedBy))));
            }
            return Filed.UNCHANGED;
        }
        if (existing.signed()) {
            List<DocumentVersion> kept = documents.versions(existing.id());
            boolean sameFormat = kept.isEmpty() || baseType(kept.get(0).contentType()).equals(baseType(contentType));
            return sameFormat ? Filed.SIGNED_KEPT : Filed.SIGNED_REFORMATTED;
        }
        ArchivedDocument next = existing.nextVersion(now);
        if (signedBy != null) {
            next = next.sign(signedBy, at);
        }
        documents.update(next);
        documents.addVersion(new DocumentVersion(existing.id(), next.version(), label(source.version()),
                text(source.author(), 128), name, contentType, source.content().length, hash, now, "system"),
                source.content());
        events.publishEvent(ArchiveAction.document("records.archive.version", existing.id(), List.of(
                FieldChange.set("archiveSource", key), FieldChange.of("archiveVersion", existing.version(), next.version()),
                FieldChange.set("sha256", hash))));
        return Filed.VERSION;
    }

    private ArchivedDocument lock(long id) {
        return documents.lock(id).orElseThrow(() -> ProblemException.notFound("records-document", id));
    }

    private void requireSystem(String system) {
        if (system != null) {
            systems.requireActive(system);
        }
    }

    private static String baseType(String contentType) {
        String type = contentType == null ? "" : contentType;
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String label(String label) {
        return text(label, 60);
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
