package org.medops.records.projects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.SystemNames;
import org.medops.records.permissions.CanNegotiateProjects;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FormValues;
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

/** 集成优化项目: the project list with a form to start one, and a project's timeline with its milestone forms. */
@Controller
@RequestMapping("/records/projects")
class ProjectsController {

    private final List<ListExport.Column<Projects.Row>> columns;

    private static List<ListExport.Column<Projects.Row>> columns(SystemNames names) {
        return List.of(
            ListExport.Column.of("records.project.id", Projects.Row::id),
            ListExport.Column.of("records.project.name", Projects.Row::name),
            ListExport.Column.of("records.project.systems", r -> names.names(r.systems())),
            ListExport.Column.of("records.project.fee", Projects.Row::fee),
            ListExport.Column.of("records.project.startedOn", r -> r.startedOn().toString()),
            ListExport.Column.label("records.project.current", r -> r.current() == null
                    ? "records.project.accepted" : "records.milestone." + r.current()),
            ListExport.Column.of("records.project.due", r -> r.currentDue() == null ? null : r.currentDue().toString()),
            ListExport.Column.label("records.project.overdue", r -> r.overdue() ? "common.yes" : "common.no"));
    }

    private final ProjectDesk desk;
    private final Projects projects;
    private final OpsdeskSystems systems;
    private final ListExport export;
    private final HospitalZone zone;

    ProjectsController(ProjectDesk desk, Projects projects, OpsdeskSystems systems, ListExport export, HospitalZone zone,
                       SystemNames names) {
        this.columns = columns(names);
        this.desk = desk;
        this.projects = projects;
        this.systems = systems;
        this.export = export;
        this.zone = zone;
    }

    @GetMapping
    @CanReadRecords
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String export,
                Locale locale, Model model, HttpServletRequest http, HttpServletResponse response) throws IOException {
        model.addAttribute("q", q);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("systems", systems.active());
        model.addAttribute("today", desk.today());
        try {
            Projects.Filter filter = filter(q, overdue, desk.today());
            ListRequest request = ListRequest.of(page, size, sort, Projects.SORT);
            if (export != null) {
                this.export.export("records-projects", columns, projects, filter, request, export, zone.get(), locale,
                        http, response);
                return null;
            }
            model.addAttribute("page", ListPage.of(projects, filter, request, http));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("page", ListPage.empty(Projects.SORT, http));
        }
        return "records/projects";
    }

    @PostMapping
    @CanWriteRecords
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> systems,
                  @RequestParam(required = false) String fee, @RequestParam(required = false) String startedOn,
                  @RequestParam(required = false) String scenarios, Authentication who, RedirectAttributes redirect) {
        try {
            ProjectView created = desk.create(new ProjectRequest(name, systems,
                    FormValues.amount(fee, "project-fee-invalid"), FormValues.day(startedOn, "records-date-invalid"),
                    scenarios == null ? List.of() : Arrays.asList(scenarios.split("\\R")), List.of()), who.getName());
            redirect.addFlashAttribute("notice", "records.project.created");
            return "redirect:/records/projects/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/records/projects";
        }
    }

    @GetMapping("/{id}")
    @CanReadRecords
    String one(@PathVariable long id, Authentication who, Model model) {
        model.addAttribute("p", desk.view(id));
        model.addAttribute("party", ProjectDesk.partyOf(who));
        return "records/project";
    }

    @GetMapping("/{id}/milestones/{code}/document")
    @CanReadRecords
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String code) {
        return ProjectsApi.download(desk.document(id, MilestoneCode.inPath(id, code)));
    }

    @PostMapping("/{id}/milestones/{code}/complete")
    @CanReadRecords
    String complete(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String on,
                    @RequestParam(required = false) MultipartFile file,
                    @RequestParam(required = false) List<String> covered, Authentication who,
                    RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "records.milestone.completed", () -> desk.complete(id, MilestoneCode.parse(code),
                FormValues.day(on, "records-date-invalid"), upload(file), covered == null ? List.of() : covered, who));
        return "redirect:/records/projects/" + id;
    }

    @PostMapping("/{id}/extensions")
    @CanNegotiateProjects
    String propose(@PathVariable long id, @RequestParam(required = false) Integer workingDays,
                   @RequestParam(required = false) String reason, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "records.extension.proposed",
                () -> desk.propose(id, new ExtensionRequest(workingDays, reason), who));
        return "redirect:/records/projects/" + id;
    }

    @PostMapping("/{id}/extensions/{extension}/agree")
    @CanNegotiateProjects
    String agree(@PathVariable long id, @PathVariable long extension, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "records.extension.agreedNotice", () -> desk.agree(id, extension, who));
        return "redirect:/records/projects/" + id;
    }

    static Projects.Filter filter(String q, Boolean overdue, LocalDate today) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 100) {
            throw ProblemException.invalid("records-filter-too-long", 100);
        }
        return new Projects.Filter(text, Boolean.TRUE.equals(overdue), today);
    }

    private static Milestone.Document upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return ProjectDesk.document(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
