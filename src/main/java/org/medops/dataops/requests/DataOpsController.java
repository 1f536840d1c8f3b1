package org.medops.dataops.requests;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.dataops.permissions.CanReadDataOps;
import org.medops.dataops.permissions.CanRequestDataOps;
import org.medops.dataops.permissions.CanReviewDataOps;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据库操作复核: the list, the new-request form, a request with its preview, review, execution and timeline. */
@Controller
@RequestMapping("/dataops")
class DataOpsController {

    private final DataOpsDesk desk;
    private final DataOpQueries queries;
    private final DataOpViews views;
    private final DataOpExport export;

    DataOpsController(DataOpsDesk desk, DataOpQueries queries, DataOpViews views, DataOpExport export) {
        this.export = export;
        this.desk = desk;
        this.queries = queries;
        this.views = views;
    }

    @GetMapping
    @CanReadDataOps
    String list(DataOpListQuery query, @RequestParam(required = false) String export, java.util.Locale locale,
                HttpServletRequest http, HttpServletResponse response, Model model) throws java.io.IOException {
        try {
            if (export != null) {
                this.export.write(query, export, locale, http, response);
                return null;
            }
            model.addAttribute("requests", ListPage.of(queries, query.filter(), query.request(), http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("requests", ListPage.empty(DataOpQueries.SORT, http));
        }
        model.addAttribute("query", query);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("targets", desk.targets());
        return "dataops/list";
    }

    @GetMapping("/new")
    @CanRequestDataOps
    String form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewDataOp(null, "", "", "", null, null, null));
        }
        model.addAttribute("targets", desk.targets());
        return "dataops/new";
    }

    @PostMapping
    @CanRequestDataOps
    String draft(NewDataOp form, Authentication who, RedirectAttributes redirect) {
        try {
            DataOperation op = desk.draft(form, who.getName());
            redirect.addFlashAttribute("notice", "dataops.drafted");
            return "redirect:/dataops/" + op.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("form", form);
            return "redirect:/dataops/new";
        }
    }

    @GetMapping("/{id}")
    @CanReadDataOps
    String one(@PathVariable long id, Authentication who, Model model) {
        model.addAttribute("op", views.of(id, who));
        return "dataops/detail";
    }

    @PostMapping("/{id}/preview")
    @CanRequestDataOps
    String preview(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "dataops.previewed", () -> desk.preview(id, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/approve")
    @CanReviewDataOps
    String approve(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                   RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "dataops.approved", () -> desk.review(id, true, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/refuse")
    @CanReviewDataOps
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "dataops.refused", () -> desk.review(id, false, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/execute")
    @CanRequestDataOps
    String execute(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        try {
            DataOperation op = desk.execute(id, who.getName());
            redirect.addFlashAttribute("notice", op.status() == Status.EXECUTED ? "dataops.executed" : "dataops.failed");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return back(id);
    }

    @PostMapping("/{id}/verify")
    @CanReviewDataOps
    String verify(@PathVariable long id, @RequestParam(defaultValue = "false") boolean committed,
                  @RequestParam(required = false) String reason, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, committed ? "dataops.verifiedCommitted" : "dataops.verifiedNotCommitted",
                () -> desk.verify(id, committed, reason, who.getName()));
        return back(id);
    }

    @PostMapping("/{id}/rollback-request")
    @CanRequestDataOps
    String rollback(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                    RedirectAttributes redirect) {
        try {
            DataOperation created = desk.requestRollback(id, reason, null, who.getName());
            redirect.addFlashAttribute("notice", "dataops.rollbackRequested");
            return back(created.id());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return back(id);
        }
    }

    private static String back(long id) {
        return "redirect:/dataops/" + id;
    }
}
