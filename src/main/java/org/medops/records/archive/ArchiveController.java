package org.medops.records.archive;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.identity.People;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.SystemNames;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.records.permissions.CanAgreeRecords;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 文档归档: search with export, upload, collect now, the handover package; one document with versions and signing. */
@Controller
@RequestMapping("/records/archive")
class ArchiveController {

    private final List<ListExport.Column<Documents.Row>> columns;

    private static List<ListExport.Column<Documents.Row>> columns(SystemNames names, People people) {
        return List.of(
            ListExport.Column.of("records.archive.id", Documents.Row::id),
            ListExport.Column.label("records.archive.type", r -> "records.document.type." + r.type()),
            ListExport.Column.of("records.archive.title", Documents.Row::title),
            ListExport.Column.of("records.archive.system", r -> r.system() == null ? null : names.name(r.system())),
            ListExport.Column.of("records.archive.datedOn", r -> r.datedOn().toString()),
            ListExport.Column.of("records.archive.version", r -> r.label() == null ? "v" + r.version()
                    : r.label() + " (v" + r.version() + ")"),
            ListExport.Column.of("records.archive.file", Documents.Row::fileName),
            ListExport.Column.of("records.archive.uploadedBy", r -> people.name(r.addedBy())),
            ListExport.Column.of("records.archive.signedBy", Documents.Row::signedBy),
            ListExport.Column.of("records.archive.signedAt", Documents.Row::signedAt),
            ListExport.Column.of("records.archive.sha256", Documents.Row::sha256));
    }

    private final Archive archive;
    private final Documents documents;
    private final Collector collector;
    private final HandoverDownload handover;
    private final OpsdeskSystems systems;
    private final ListExport export;
    private final HospitalZone zone;

    ArchiveController(Archive archive, Documents documents, Collector collector, HandoverDownload handover,
                      OpsdeskSystems systems, ListExport export, HospitalZone zone, SystemNames names,
                      People people) {
        this.columns = columns(names, people);
        this.archive = archive;
        this.documents = documents;
        this.collector = collector;
        this.handover = handover;
        this.systems = systems;
        this.export = export;
        this.zone = zone;
    }

    @GetMapping
    @CanReadRecords
    String search(@RequestParam(required = false) String type, @RequestParam(required = false) String system,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String export, Locale locale, Model model, HttpServletRequest http,
                  HttpServletResponse response) throws IOException {
        model.addAttribute("type", type);
        model.addAttribute("system", system);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("q", q);
        model.addAttribute("types", DocumentTypes.KNOWN);
        model.addAttribute("systems", systems.active());
        model.addAttribute("presets", HandoverPeriod.Preset.values());
        try {
            Documents.Filter filter = ArchiveQuery.filter(type, system, from, to, q);
            ListRequest request = ListRequest.of(page, size, sort, Documents.SORT);
            if (export != null) {
                this.export.export("records-archive", columns, documents, filter, request, export, zone.get(), locale,
                        http, response);
                return null;
            }
            model.addAttribute("page", ListPage.of(documents, filter, request, http));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("page", ListPage.empty(Documents.SORT, http));
        }
        return "records/archive";
    }

    @PostMapping
    @CanWriteRecords
    String upload(@RequestParam(required = false) String type, @RequestParam(required = false) String system,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String datedOn,
                  @RequestParam(required = false) String version, @RequestParam(required = false) String author,
                  @RequestParam(required = false) MultipartFile file, Authentication who, RedirectAttributes redirect)
            throws IOException {
        byte[] content = ArchiveApi.bytes(file);
        try {
            DocumentView created = archive.upload(new NewDocument(new ArchivedDocument.Details(type, system, title,
                    ArchiveQuery.date(datedOn)), version, author, null, ArchiveApi.name(file), content), who.getName());
            redirect.addFlashAttribute("notice", "records.archive.uploaded");
            return "redirect:/records/archive/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/records/archive";
        }
    }

    @PostMapping("/collect")
    @CanWriteRecords
    String collect(RedirectAttributes redirect) {
        Collector.Result result = collector.collectAll();
        redirect.addFlashAttribute("collected", result);
        redirect.addFlashAttribute("notice", "records.archive.collected");
        return "redirect:/records/archive";
    }

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

    @GetMapping("/{id}")
    @CanReadRecords
    String one(@PathVariable long id, Model model) {
        model.addAttribute("d", archive.view(id));
        model.addAttribute("types", DocumentTypes.KNOWN);
        model.addAttribute("systems", systems.active());
        return "records/document";
    }

    @PostMapping("/{id}")
    @CanWriteRecords
    String edit(@PathVariable long id, @RequestParam(required = false) String type,
                @RequestParam(required = false) String system, @RequestParam(required = false) String title,
                @RequestParam(required = false) String datedOn, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "records.archive.saved", () -> archive.edit(id,
                new ArchivedDocument.Details(type, system, title, ArchiveQuery.date(datedOn)), who.getName()));
        return "redirect:/records/archive/" + id;
    }

    @PostMapping("/{id}/versions")
    @CanWriteRecords
    String addVersion(@PathVariable long id, @RequestParam(required = false) String version,
                      @RequestParam(required = false) String author, @RequestParam(required = false) MultipartFile file,
                      Authentication who, RedirectAttributes redirect) throws IOException {
        byte[] content = ArchiveApi.bytes(file);
        ConsoleActions.attempt(redirect, "records.archive.versionAdded", () -> archive.addVersion(id, version, author,
                ArchiveApi.name(file), content, who.getName()));
        return "redirect:/records/archive/" + id;
    }

    @PostMapping("/{id}/sign")
    @CanAgreeRecords
    String sign(@PathVariable long id, @RequestParam(required = false) String name, Authentication who,
                RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "records.archive.signedNotice", () -> archive.sign(id, name, who.getName()));
        return "redirect:/records/archive/" + id;
    }

    @GetMapping("/{id}/versions/{version}/content")
    @CanReadRecords
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable int version) {
        return ArchiveApi.file(documents, id, version);
    }
}
