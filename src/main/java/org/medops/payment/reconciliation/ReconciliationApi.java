package org.medops.payment.reconciliation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.payment.permissions.CanReconcile;
import org.medops.payment.permissions.CanResolveMismatches;
import org.medops.shared.FormValues;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Reconciliation over REST. {@code POST /runs} reconciles one merchant's day from the uploaded channel bill (and the
 * HIS's records, if given) and answers {@code {"id"}} once the run is committed; a bill that cannot be read is a 400
 * naming the line, a closed day a 409.
 */
@RestController
@RequestMapping("/api/v1/reconciliation")
class ReconciliationApi {

    record Created(long id) {
    }

    record Resolve(Resolution resolution, String note) {
    }

    private final Reconciler reconciler;
    private final MismatchDesk desk;
    private final Runs runs;
    private final RunViews views;
    private final DailyReport report;

    ReconciliationApi(Reconciler reconciler, MismatchDesk desk, Runs runs, RunViews views, DailyReport report) {
        this.reconciler = reconciler;
        this.desk = desk;
        this.runs = runs;
        this.views = views;
        this.report = report;
    }

    @PostMapping(path = "/runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanReconcile
    ResponseEntity<Created> run(@RequestParam(required = false) String merchant,
                                @RequestParam(required = false) String date,
                                @RequestParam(required = false) MultipartFile channelBill,
                                @RequestParam(required = false) MultipartFile hisFile, Authentication who) {
        long id = reconciler.run(merchant, FormValues.day(date, "recon-date-invalid"), file(channelBill), "UPLOAD",
                file(hisFile), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/reconciliation/runs/" + id)).body(new Created(id));
    }

    @GetMapping("/runs")
    @CanReconcile
    ListPage<RunViews.RunView> list(@RequestParam(required = false) String merchant,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort, HttpServletRequest http) {
        Runs.Filter filter = filter(merchant, from, to);
        ListRequest request = ListRequest.of(page, size, sort, Runs.SORT);
        List<RunViews.RunView> rows = runs.rows(filter, request.sort(), request.offset(), request.size()).stream()
                .map(run -> views.of(run, List.of())).toList();
        return ListPage.of(rows, runs.count(filter), request, http);
    }

    @GetMapping("/runs/{id}")
    @CanReconcile
    RunViews.RunView one(@PathVariable long id) {
        return views.of(id);
    }

    /** The mismatches a page at a time, for a day with more of them than one answer should carry. */
    @GetMapping("/runs/{id}/mismatches")
    @CanReconcile
    ListPage<RunViews.MismatchView> mismatches(@PathVariable long id, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size,
                                               HttpServletRequest http) {
        Run run = desk.run(id);
        ListRequest request = ListRequest.of(page, size, null, Runs.SORT);
        return ListPage.of(runs.mismatches(id, request.offset(), request.size()).stream().map(views::of).toList(),
                run.mismatches(), request, http);
    }

    @PostMapping("/mismatches/{id}/resolution")
    @CanResolveMismatches
    RunViews.MismatchView resolve(@PathVariable long id, @RequestBody(required = false) Resolve body,
                                  Authentication who) {
        if (body == null) {
            throw ProblemException.invalid("recon-resolution-required");
        }
        return views.of(desk.resolve(id, body.resolution(), body.note(), who.getName()));
    }

    @PostMapping("/runs/{id}/close")
    @CanResolveMismatches
    RunViews.RunView close(@PathVariable long id, Authentication who) {
        desk.close(id, who.getName());
        return views.of(id);
    }

    @GetMapping("/runs/{id}/report.pdf")
    @CanReconcile
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return download(report.pdf(id), "application/pdf", "reconciliation-" + id + ".pdf");
    }

    @GetMapping("/runs/{id}/report.xlsx")
    @CanReconcile
    ResponseEntity<byte[]> excel(@PathVariable long id) {
        return download(report.excel(id), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "reconciliation-" + id + ".xlsx");
    }

    static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    static Runs.Filter filter(String merchant, String from, String to) {
        return new Runs.Filter(merchant == null || merchant.isBlank() ? null : merchant.strip(),
                FormValues.day(from, "recon-date-invalid"), FormValues.day(to, "recon-date-invalid"));
    }

    static BillFile file(MultipartFile file) {
        return file == null || file.isEmpty() ? null
                : new BillFile(file.getOriginalFilename(), file::getInputStream);
    }
}
