package org.medops.dataops.requests;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.dataops.permissions.CanReadDataOps;
import org.medops.dataops.permissions.CanRequestDataOps;
import org.medops.dataops.permissions.CanReviewDataOps;
import org.medops.shared.ListPage;
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
 * Data operations over REST. An execution answers 200 with the request whatever came of it: {@code status} EXECUTED
 * (committed) or FAILED with {@code execution.outcome} ROWS_DIFFER or FAILED (rolled back, nothing changed); a
 * second execution, or one without approval, is a 409.
 */
@RestController
@RequestMapping("/api/v1/dataops/requests")
class DataOpsApi {

    /** A review's or a rollback request's reason; {@code expectedRows} only for a rollback request (default: the rows the original changed). */
    record Reason(String reason, Long expectedRows) {
    }

    private final DataOpsDesk desk;
    private final DataOpQueries queries;
    private final DataOpViews views;
    private final DataOpExport export;

    DataOpsApi(DataOpsDesk desk, DataOpQueries queries, DataOpViews views, DataOpExport export) {
        this.export = export;
        this.desk = desk;
        this.queries = queries;
        this.views = views;
    }

    @GetMapping
    @CanReadDataOps
    ListPage<DataOpQueries.Row> list(DataOpListQuery query, HttpServletRequest http) {
        return ListPage.of(queries, query.filter(), query.request(), http);
    }

    /** The list as CSV or Excel ({@code format=csv|xlsx}), with the list's filter and order. */
    @GetMapping("/export")
    @CanReadDataOps
    void export(DataOpListQuery query, @RequestParam(defaultValue = "xlsx") String format, java.util.Locale locale,
                HttpServletRequest http, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        export.write(query, format, locale, http, response);
    }

    @GetMapping("/{id}")
    @CanReadDataOps
    DataOpView one(@PathVariable long id, Authentication who) {
        return views.of(id, who);
    }

    @PostMapping
    @CanRequestDataOps
    ResponseEntity<DataOpView> draft(@RequestBody NewDataOp input, Authentication who) {
        return ResponseEntity.status(201).body(views.of(desk.draft(input, who.getName()), who));
    }

    @PostMapping("/{id}/preview")
    @CanRequestDataOps
    DataOpView preview(@PathVariable long id, Authentication who) {
        return views.of(desk.preview(id, who.getName()), who);
    }

    @PostMapping("/{id}/approve")
    @CanReviewDataOps
    DataOpView approve(@PathVariable long id, @RequestBody(required = false) Reason body, Authentication who) {
        return views.of(desk.review(id, true, body == null ? null : body.reason(), who.getName()), who);
    }

    @PostMapping("/{id}/refuse")
    @CanReviewDataOps
    DataOpView refuse(@PathVariable long id, @RequestBody(required = false) Reason body, Authentication who) {
        return views.of(desk.review(id, false, body == null ? null : body.reason(), who.getName()), who);
    }

    @PostMapping("/{id}/execute")
    @CanRequestDataOps
    DataOpView execute(@PathVariable long id, Authentication who) {
        return views.of(desk.execute(id, who.getName()), who);
    }

    /** After an interruption: whether the reviewer found the changes on the target, and how they checked. */
    record Verification(Boolean committed, String reason) {
    }

    @PostMapping("/{id}/verify")
    @CanReviewDataOps
    DataOpView verify(@PathVariable long id, @RequestBody(required = false) Verification body, Authentication who) {
        if (body == null || body.committed() == null) {
            throw org.medops.shared.ProblemException.invalid("dataops-verify-committed-required");
        }
        return views.of(desk.verify(id, body.committed(), body.reason(), who.getName()), who);
    }

    @PostMapping("/{id}/rollback-request")
    @CanRequestDataOps
    ResponseEntity<DataOpView> rollback(@PathVariable long id, @RequestBody(required = false) Reason body,
                                        Authentication who) {
        return ResponseEntity.status(201).body(views.of(desk.requestRollback(id, body == null ? null : body.reason(),
                body == null ? null : body.expectedRows(), who.getName()), who));
    }
}
