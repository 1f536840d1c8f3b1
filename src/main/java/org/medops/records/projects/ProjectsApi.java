package org.medops.records.projects;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.records.permissions.CanNegotiateProjects;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Optimisation projects over REST. Completing a milestone is open to readers at the door and then checked per
 * milestone: the vendor's need {@code records:write}, the hospital's (confirmation, test sign-off, acceptance)
 * {@code records:agree}.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsApi {

    private final ProjectDesk desk;
    private final Projects projects;

    ProjectsApi(ProjectDesk desk, Projects projects) {
        this.desk = desk;
        this.projects = projects;
    }

    @GetMapping
    @CanReadRecords
    ListPage<Projects.Row> list(@RequestParam(required = false) String q,
                                @RequestParam(required = false) Boolean overdue,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(projects, ProjectsController.filter(q, overdue, desk.today()),
                ListRequest.of(page, size, sort, Projects.SORT), http);
    }

    @PostMapping
    @CanWriteRecords
    ResponseEntity<ProjectView> create(@RequestBody ProjectRequest request, Authentication who) {
        return ResponseEntity.status(201).body(desk.create(request, who.getName()));
    }

    @GetMapping("/{id}")
    @CanReadRecords
    ProjectView one(@PathVariable long id) {
        return desk.view(id);
    }

    @PostMapping("/{id}/milestones/{code}/complete")
    @CanReadRecords
    ProjectView complete(@PathVariable long id, @PathVariable String code, @RequestBody CompleteRequest request,
                         Authentication who) {
        MilestoneCode milestone = MilestoneCode.parse(code);
        return desk.complete(id, milestone, request == null ? null : request.on(),
                request == null ? null : ProjectDesk.document(request.document()),
                request == null ? List.of() : request.covered(), who);
    }

    @GetMapping("/{id}/milestones/{code}/document")
    @CanReadRecords
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String code) {
        Milestone.Document document = desk.document(id, MilestoneCode.inPath(id, code));
        return download(document);
    }

    @PostMapping("/{id}/extensions")
    @CanNegotiateProjects
    ResponseEntity<ProjectView> propose(@PathVariable long id, @RequestBody ExtensionRequest request,
                                        Authentication who) {
        return ResponseEntity.status(201).body(desk.propose(id, request, who));
    }

    @PostMapping("/{id}/extensions/{extension}/agree")
    @CanNegotiateProjects
    ProjectView agree(@PathVariable long id, @PathVariable long extension, Authentication who) {
        return desk.agree(id, extension, who);
    }

    static ResponseEntity<byte[]> download(Milestone.Document document) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }
}
