package org.medops.records.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.records.permissions.CanAgreeRecords;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The archive over REST: search, upload (multipart), a document with its versions, edit and new version while
 * unsigned (409 {@code archive-document-signed} after), the hospital's signature, a version's file, collection from
 * the sources, and the handover package.
 */
@RestController
@RequestMapping("/api/v1/archive")
class ArchiveApi {

    private final Archive archive;
    private final Documents documents;
    private final Collector collector;
    private final HandoverDownload handover;

    ArchiveApi(Archive archive, Documents documents, Collector collector, HandoverDownload handover) {
        this.archive = archive;
        this.documents = documents;
        this.collector = collector;
        this.handover = handover;
    }

    @GetMapping("/documents")
    @CanReadRecords
    ListPage<Documents.Row> search(@RequestParam(required = false) String type,
                                   @RequestParam(required = false) String system,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(documents, ArchiveQuery.filter(type, system, from, to, q),
                ListRequest.of(page, size, sort, Documents.SORT), http);
    }

    @PostMapping(value = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanWriteRecords
    ResponseEntity<DocumentView> upload(@RequestParam(required = false) String type,
                                        @RequestParam(required = false) String system,
                                        @RequestParam(required = false) String title,
                                        @RequestParam(required = false) String datedOn,
                                        @RequestParam(required = false) String version,
                                        @RequestParam(required = false) String author,
                                        @RequestParam(required = false) MultipartFile file, Authentication who)
            throws IOException {
        return ResponseEntity.status(201).body(archive.upload(new NewDocument(new ArchivedDocument.Details(type, system,
                title, ArchiveQuery.date(datedOn)), version, author, null, name(file), bytes(file)), who.getName()));
    }

    @GetMapping("/documents/{id}")
    @CanReadRecords
    DocumentView one(@PathVariable long id) {
        return archive.view(id);
    }

    @PutMapping("/documents/{id}")
    @CanWriteRecords
    DocumentView edit(@PathVariable long id, @RequestBody DocumentEdit edit, Authentication who) {
        return archive.edit(id, edit.details(), who.getName());
    }

    @PostMapping(value = "/documents/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanWriteRecords
    ResponseEntity<DocumentView> addVersion(@PathVariable long id, @RequestParam(required = false) String version,
                                            @RequestParam(required = false) String author,
                                            @RequestParam(required = false) MultipartFile file, Authentication who)
            throws IOException {
        return ResponseEntity.status(201).body(archive.addVersion(id, version, author, name(file), bytes(file),
                who.getName()));
    }

    @PostMapping("/documents/{id}/sign")
    @CanAgreeRecords
    DocumentView sign(@PathVariable long id, @RequestBody SignRequest request, Authentication who) {
        return archive.sign(id, request == null ? null : request.name(), who.getName());
    }

    @GetMapping("/documents/{id}/versions/{version}/content")
    @CanReadRecords
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable int version) {
        return file(documents, id, version);
    }

    @PostMapping("/collect")
    @CanWriteRecords
    Collector.Result collect() {
        return collector.collectAll();
    }

    /** {@code preset=HALF_YEAR|FINAL&contractStart=…&months=12}, or {@code from=…&to=…}. */
    @GetMapping("/handover")
    @CanReadRecords
    void handover(@RequestParam(required = false) String preset,
                  @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to,
                  @RequestParam(required = false) String contractStart,
                  @RequestParam(required = false) Integer months,
                  HttpServletResponse response) throws IOException {
        handover.download(ArchiveQuery.period(preset, from, to, contractStart, months), response);
    }

    static ResponseEntity<byte[]> file(Documents documents, long id, int version) {
        DocumentVersion v = documents.version(id, version)
                .orElseThrow(() -> ProblemException.notFound("records-document", id + " v" + version));
        byte[] content = documents.content(id, version).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(v.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(v.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", v.sha256())
                .body(content);
    }

    static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    static byte[] bytes(MultipartFile file) throws IOException {
        return file == null ? null : file.getBytes();
    }
}
