package org.medops.records.versions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers versions, keeps their documents, and answers what each system runs. */
@Service
class VersionRegister {

    private final Versions versions;
    private final Upgrades upgrades;
    private final Releases releases;
    private final OpsdeskSystems systems;
    private final HospitalZone zone;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VersionRegister(Versions versions, Upgrades upgrades, Releases releases, OpsdeskSystems systems, HospitalZone zone,
                    ApplicationEventPublisher events, Clock clock) {
        this.versions = versions;
        this.upgrades = upgrades;
        this.releases = releases;
        this.systems = systems;
        this.zone = zone;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    InstalledVersion register(NewVersion version, String by) {
        return register(version, null, by);
    }

    /** {@code upgradeId} when an upgrade's change installed it. */
    @Transactional
    InstalledVersion register(NewVersion version, Long upgradeId, String by) {
        systems.requireActive(version.systemCode());
        if (version.installedOn().isAfter(today())) {
            throw ProblemException.invalid("version-installed-in-future", version.installedOn());
        }
        if (versions.exists(version.systemCode(), version.version())) {
            throw ProblemException.conflict("version-exists", version.version().strip(), version.systemCode());
        }
        long id = versions.insert(version, upgradeId, by, clock.instant());
        InstalledVersion saved = versions.find(id).orElseThrow();
        events.publishEvent(new RecordsVersionAction("records.version.register", "records-version", Long.toString(id),
                FieldChange.between(null, saved)));
        return saved;
    }

    /** The vendor's release of a version: what "on the latest version" is measured against from then on. */
    @Transactional
    VersionRelease release(NewRelease release, String by) {
        systems.requireActive(release.systemCode());
        if (release.releasedOn().isAfter(today())) {
            throw ProblemException.invalid("version-released-in-future", release.releasedOn());
        }
        if (releases.exists(release.systemCode(), release.version())) {
            throw ProblemException.conflict("version-release-exists", release.version().strip(), release.systemCode());
        }
        long id = releases.insert(release, by, clock.instant());
        VersionRelease saved = releases.find(id).orElseThrow();
        events.publishEvent(new RecordsVersionAction("records.version.release", "records-version-release",
                Long.toString(id), FieldChange.between(null, saved)));
        return saved;
    }

    /** Uploads a manual or update notes: the type is read from the content and the checksum kept with the file. */
    @Transactional
    VersionDocument upload(long versionId, VersionDocumentKind kind, String fileName, byte[] content, String by) {
        InstalledVersion version = versions.find(versionId)
                .orElseThrow(() -> ProblemException.notFound("records-version", versionId));
        if (kind == null) {
            throw ProblemException.invalid("version-document-kind-required");
        }
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("version-document-empty");
        }
        if (content.length > UploadedFileType.MAX_BYTES) {
            throw ProblemException.invalid("version-document-too-large", UploadedFileType.MAX_BYTES / 1024 / 1024);
        }
        String name = UploadedFileType.safeName(fileName);
        String contentType = contentType(name, content);
        long id = versions.addDocument(version.id(), kind, name, contentType, content, sha256(content), by,
                clock.instant());
        VersionDocument saved = versions.document(id).orElseThrow();
        events.publishEvent(new RecordsVersionAction("records.version.document", "records-version",
                Long.toString(versionId), List.of(FieldChange.set("kind", kind.name()), FieldChange.set("fileName", name),
                FieldChange.set("sha256", saved.sha256()))));
        return saved;
    }

    SystemVersions system(String systemCode) {
        OpsdeskSystems.OpsdeskSystem system = systems.find(systemCode)
                .orElseThrow(() -> ProblemException.notFound("system", systemCode));
        List<InstalledVersion> history = versions.history(systemCode);
        Map<Long, List<VersionDocument>> documents = versions.documentsOfSystem(systemCode).stream()
                .collect(Collectors.groupingBy(VersionDocument::versionId));
        InstalledVersion current = history.isEmpty() ? null : history.get(0);
        LocalDate last = current == null ? null : current.installedOn();
        List<Upgrade> ofSystem = upgrades.ofSystem(systemCode);
        String pending = pendingTarget(ofSystem);
        VersionRelease latest = releases.latest(systemCode, today()).orElse(null);
        return new SystemVersions(system.code(), system.name(), current, VersionCadence.of(last, today()),
                VersionCadence.dueBy(last), pending, latest, onLatest(history, latest, pending),
                releases.ofSystem(systemCode),
                history.stream().map(v -> new SystemVersions.Entry(v, documents.getOrDefault(v.id(), List.of())))
                        .toList(),
                ofSystem.stream().map(u -> new SystemVersions.UpgradeSummary(u.id(), u.title(), u.fromVersion(),
                        u.targetVersion(), u.status(), u.assessmentReview().state(), u.planReview().state(),
                        u.changeId())).toList());
    }

    /** Every active system with the version it runs and its cadence. */
    List<SystemVersions.Overview> overview() {
        Map<String, InstalledVersion> current = versions.current().stream()
                .collect(Collectors.toMap(InstalledVersion::systemCode, Function.identity()));
        LocalDate today = today();
        return systems.active().stream().map(s -> {
            InstalledVersion v = current.get(s.code());
            LocalDate last = v == null ? null : v.installedOn();
            String pending = pendingTarget(upgrades.ofSystem(s.code()));
            VersionRelease latest = releases.latest(s.code(), today).orElse(null);
            return new SystemVersions.Overview(s.code(), s.name(), v == null ? null : v.version(), last,
                    VersionCadence.of(last, today), VersionCadence.dueBy(last), pending,
                    latest == null ? null : latest.version(), onLatest(versions.history(s.code()), latest, pending));
        }).toList();
    }

    /**
     * On the latest version: a version runs, no upgrade is under way, and the vendor's newest release (if it
     * registered any) is one the system has installed.
     */
    static boolean onLatest(List<InstalledVersion> history, VersionRelease latest, String pending) {
        if (history.isEmpty() || pending != null) {
            return false;
        }
        return latest == null || history.stream().anyMatch(v -> v.version().equals(latest.version()));
    }

    InstalledVersion version(long id) {
        return versions.find(id).orElseThrow(() -> ProblemException.notFound("records-version", id));
    }

    VersionDocument document(long versionId, long documentId) {
        return versions.document(documentId).filter(d -> d.versionId() == versionId)
                .orElseThrow(() -> ProblemException.notFound("records-version-document", documentId));
    }

    byte[] content(long documentId) {
        return versions.content(documentId);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.get());
    }

    private static String pendingTarget(List<Upgrade> upgrades) {
        return upgrades.stream().filter(u -> u.status() == UpgradeStatus.PREPARING || u.status() == UpgradeStatus.AGREED)
                .map(Upgrade::targetVersion).findFirst().orElse(null);
    }

    /**
     * The shared upload types (PDF, text, images, zip), and Word and Excel files: manuals come as .docx, which are
     * zip containers the shared detection would call a renamed zip.
     */
    private static String contentType(String name, byte[] content) {
        var shared = UploadedFileType.detect(name, content);
        if (shared.isPresent()) {
            return shared.get().contentType();
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip && lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (zip && lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        throw ProblemException.invalid("version-document-type", name);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
