package org.medops.payment.reconciliation;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.payment.MerchantView;
import org.medops.payment.Merchants;
import org.medops.payment.PaymentChannel;
import org.medops.payment.permissions.CanReconcile;
import org.medops.payment.permissions.CanResolveMismatches;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FormValues;
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

/** 财务对账: the runs by day and merchant with the form to reconcile a day; a run with its mismatches to resolve. */
@Controller
@RequestMapping("/reconciliation")
class ReconciliationController {

    private final Reconciler reconciler;
    private final MismatchDesk desk;
    private final Runs runs;
    private final RunViews views;
    private final DailyReport report;
    private final Merchants merchants;

    ReconciliationController(Reconciler reconciler, MismatchDesk desk, Runs runs, RunViews views, DailyReport report,
                             Merchants merchants) {
        this.reconciler = reconciler;
        this.desk = desk;
        this.runs = runs;
        this.views = views;
        this.report = report;
        this.merchants = merchants;
    }

    @GetMapping
    @CanReconcile
    String list(@RequestParam(required = false) String merchant, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                HttpServletRequest http, HttpServletResponse response, Model model) {
        try {
            Runs.Filter filter = ReconciliationApi.filter(merchant, from, to);
            ListRequest request = ListRequest.of(page, size, sort, Runs.SORT);
            model.addAttribute("runs", ListPage.of(runs.rows(filter, request.sort(), request.offset(), request.size()),
                    runs.count(filter), request, http));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e);
            model.addAttribute("runs", ListPage.empty(Runs.SORT, http));
        }
        model.addAttribute("merchant", merchant);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("merchants", reconcilable());
        return "reconciliation/list";
    }

    @PostMapping("/runs")
    @CanReconcile
    String run(@RequestParam(required = false) String merchant, @RequestParam(required = false) String date,
               @RequestParam(required = false) MultipartFile channelBill,
               @RequestParam(required = false) MultipartFile hisFile, Authentication who,
               RedirectAttributes redirect) {
        try {
            long id = reconciler.run(merchant, FormValues.day(date, "recon-date-invalid"),
                    ReconciliationApi.file(channelBill), "UPLOAD", ReconciliationApi.file(hisFile), who.getName());
            redirect.addFlashAttribute("notice", "recon.reconciled");
            return "redirect:/reconciliation/runs/" + id;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/reconciliation";
        }
    }

    @GetMapping("/runs/{id}")
    @CanReconcile
    String one(@PathVariable long id, Model model) {
        model.addAttribute("run", views.of(id));
        model.addAttribute("resolutions", Resolution.values());
        model.addAttribute("pdfAvailable", report.pdfAvailable());
        return "reconciliation/run";
    }

    @PostMapping("/mismatches/{id}/resolve")
    @CanResolveMismatches
    String resolve(@PathVariable long id, @RequestParam(required = false) Resolution resolution,
                   @RequestParam(required = false) String note, Authentication who, RedirectAttributes redirect) {
        long run = runs.mismatch(id).orElseThrow(() -> ProblemException.notFound("recon-mismatch", id)).runId();
        ConsoleActions.attempt(redirect, "recon.resolved", () -> desk.resolve(id, resolution, note, who.getName()));
        return "redirect:/reconciliation/runs/" + run + "#mismatch-" + id;
    }

    @PostMapping("/runs/{id}/close")
    @CanResolveMismatches
    String close(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "recon.closed", () -> desk.close(id, who.getName()));
        return "redirect:/reconciliation/runs/" + id;
    }

    @GetMapping("/runs/{id}/report.pdf")
    @CanReconcile
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return ReconciliationApi.download(report.pdf(id), "application/pdf", "reconciliation-" + id + ".pdf");
    }

    @GetMapping("/runs/{id}/report.xlsx")
    @CanReconcile
    ResponseEntity<byte[]> excel(@PathVariable long id) {
        return ReconciliationApi.download(report.excel(id),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "reconciliation-" + id + ".xlsx");
    }

    private List<MerchantView> reconcilable() {
        return merchants.all().stream()
                .filter(m -> m.channel() == PaymentChannel.WECHAT || m.channel() == PaymentChannel.ALIPAY).toList();
    }
}
