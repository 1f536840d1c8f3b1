package org.medops.records.versions;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ListPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The version register over REST: the list, each system's versions and cadence, registering, manuals. */
@RestController
@RequestMapping("/api/v1/records/versions")
class VersionsApi {

    private final VersionRegister register;
    private final VersionLists lists;

    VersionsApi(VersionRegister register, VersionLists lists) {
        this.register = register;
        this.lists = lists;
    }

    /** A page of the register ({@link VersionListQuery}); {@code export=csv|xlsx} downloads it. */
    @GetMapping
    @CanReadRecords
    ListPage<Versions.VersionRow> list(VersionListQuery query, Locale locale, HttpServletRequest http,
                                       HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            lists.exportVersions(query, locale, http, response);
            return null;
        }
        return lists.versions(query, http);
    }

    /** Every active system with the version it runs, when the next one is due, and a pending upgrade's target. */
    @GetMapping("/systems")
    @CanReadRecords
    List<SystemVersions.Overview> systems() {
        return register.overview();
    }

    @GetMapping("/systems/{code}")
    @CanReadRecords
    SystemVersions system(@PathVariable String code) {
        return register.system(code);
    }

    @PostMapping
    @CanWriteRecords
    ResponseEntity<InstalledVersion> register(@Valid @RequestBody NewVersion version, Authentication who) {
        InstalledVersion saved = register.register(version, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/records/versions/" + saved.id())).body(saved);
    }

    @PostMapping("/releases")
    @CanWriteRecords
    ResponseEntity<VersionRelease> release(@Valid @RequestBody NewRelease release, Authentication who) {
        return ResponseEntity.status(201).body(register.release(release, who.getName()));
    }

    @GetMapping("/{id}")
    @CanReadRecords
    InstalledVersion one(@PathVariable long id) {
        return register.version(id);
    }

    /** Uploads a document of the version as {@code file}; {@code kind} is USER_MANUAL, INSTALLATION_MANUAL or UPDATE_NOTES. */
    @PostMapping(value = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanWriteRecords
    ResponseEntity<VersionDocument> upload(@PathVariable long id, @RequestParam(required = false) VersionDocumentKind kind,
                                           @RequestPart("file") MultipartFile file, Authentication who)
            throws IOException {
        VersionDocument saved = register.upload(id, kind, file.getOriginalFilename(), file.getBytes(), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/records/versions/" + id + "/documents/" + saved.id()))
                .body(saved);
    }

    /** Always a download, never shown inline: an uploaded file must not run in the console's origin. */
    @GetMapping("/{id}/documents/{documentId}")
    @CanReadRecords
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        return VersionsApi.download(register.document(id, documentId), register.content(documentId));
    }

    static ResponseEntity<byte[]> download(VersionDocument document, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").header("X-Checksum-SHA256", document.sha256())
                .contentType(MediaType.parseMediaType(document.contentType())).body(content);
    }
}
