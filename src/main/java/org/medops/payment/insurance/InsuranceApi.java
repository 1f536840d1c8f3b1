package org.medops.payment.insurance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.payment.permissions.CanReconcile;
import org.medops.shared.FormValues;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.medops.shared.SortColumns;
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
 * Insurance reconciliation over REST: import the hospital's settlements, run the total check (3201) for a region and
 * period, run the detail check (3202 with 9101/9102) on a group that did not balance, read a check with its lines.
 * Insured persons' numbers are masked.
 */
@RestController
@RequestMapping("/api/v1/insurance")
class InsuranceApi {

    static final SortColumns SORT = SortColumns.of("checkedAt", false, "id", "checkedAt", "checked_at");

    record Imported(long settlements) {
    }

    record TotalCheck(String region, String begin, String end) {
    }

    record CheckView(long id, String region, String insutype, String clrType, String setlOptins, LocalDate begin,
                     LocalDate end, long settlements, BigDecimal medfeeSumamt, BigDecimal fundPaySumamt,
                     BigDecimal acctPay, InsuranceBooks.Status status, String centreResult, String centreMessage,
                     String checkedBy, Instant checkedAt, Instant detailedAt, List<LineView> lines) {
    }

    record LineView(String outcome, String setlId, String mdtrtId, String psnNo, BigDecimal hospitalMedfee,
                    BigDecimal hospitalFundPay, BigDecimal hospitalAcctPay, BigDecimal centreMedfee,
                    BigDecimal centreFundPay, BigDecimal centreAcctPay, List<String> differing) {
    }

    private final InsuranceDesk desk;
    private final InsuranceBooks books;

    InsuranceApi(InsuranceDesk desk, InsuranceBooks books) {
        this.desk = desk;
        this.books = books;
    }

    @PostMapping(path = "/settlements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanReconcile
    Imported importSettlements(@RequestParam(required = false) String region,
                               @RequestParam(required = false) MultipartFile file, Authentication who) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("ins-settlements-file-required");
        }
        try {
            return new Imported(desk.importSettlements(region, file.getInputStream(), who.getName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/checks")
    @CanReconcile
    ResponseEntity<List<CheckView>> totalCheck(@RequestBody(required = false) TotalCheck body, Authentication who) {
        if (body == null) {
            throw ProblemException.invalid("ins-period-invalid");
        }
        List<InsuranceBooks.Check> checks = desk.totalCheck(body.region(),
                FormValues.day(body.begin(), "ins-period-invalid"), FormValues.day(body.end(), "ins-period-invalid"),
                who.getName());
        return ResponseEntity.status(201).body(checks.stream().map(c -> view(c, List.of())).toList());
    }

    @GetMapping("/checks")
    @CanReconcile
    ListPage<CheckView> checks(@RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, HttpServletRequest http) {
        ListRequest request = ListRequest.of(page, size, null, SORT);
        return ListPage.of(books.checks(request.offset(), request.size()).stream().map(c -> view(c, List.of()))
                .toList(), books.countChecks(), request, http);
    }

    @GetMapping("/checks/{id}")
    @CanReconcile
    CheckView check(@PathVariable long id) {
        InsuranceBooks.Check check = books.check(id).orElseThrow(() -> ProblemException.notFound("ins-check", id));
        return view(check, books.lines(id));
    }

    @PostMapping("/checks/{id}/details")
    @CanReconcile
    CheckView detail(@PathVariable long id, Authentication who) {
        return view(desk.detailCheck(id, who.getName()), books.lines(id));
    }

    static CheckView view(InsuranceBooks.Check c, List<InsuranceBooks.Line> lines) {
        return new CheckView(c.id(), c.region(), c.group().insutype(), c.group().clrType(), c.group().setlOptins(),
                c.begin(), c.end(), c.group().count(), c.group().medfee(), c.group().fundPay(), c.group().acctPay(),
                c.status(), c.centreResult(), c.centreMessage(), c.checkedBy(), c.checkedAt(), c.detailedAt(),
                lines.stream().map(l -> new LineView(l.outcome(), l.setlId(), l.mdtrtId(), mask(l.psnNo()),
                        l.hospitalMedfee(), l.hospitalFundPay(), l.hospitalAcctPay(), l.centreMedfee(),
                        l.centreFundPay(), l.centreAcctPay(), l.differing())).toList());
    }

    /** An insured person's number shows its first four and last two characters only. */
    static String mask(String psnNo) {
        if (psnNo == null || psnNo.length() <= 6) {
            return psnNo == null ? null : "*".repeat(psnNo.length());
        }
        return psnNo.substring(0, 4) + "*".repeat(psnNo.length() - 6) + psnNo.substring(psnNo.length() - 2);
    }
}
