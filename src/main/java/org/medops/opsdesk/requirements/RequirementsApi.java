package org.medops.opsdesk.requirements;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Requirements over REST: staff submit, vendor engineers answer and deliver, the hospital verifies. */
@RestController
@RequestMapping("/api/v1/opsdesk/requirements")
class RequirementsApi {

    private final Requirements requirements;
    private final RequirementDesk desk;
    private final RequirementList list;

    RequirementsApi(Requirements requirements, RequirementDesk desk, RequirementList list) {
        this.list = list;
        this.requirements = requirements;
        this.desk = desk;
    }

    /** A page of the list ({@link RequirementListQuery}): {@code rows, total, page, size, sort, links}; {@code export} downloads. */
    @GetMapping
    @CanReadRequirements
    ListPage<RequirementQueries.RequirementRow> list(RequirementListQuery query, Locale locale, HttpServletRequest http,
                                                     HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            list.export(query, query.export(), locale, http, response);
            return null;
        }
        return list.page(query, http);
    }

    @GetMapping("/{id}")
    @CanReadRequirements
    RequirementView one(@PathVariable long id) {
        return RequirementView.of(requirements.find(id).orElseThrow(() -> ProblemException.notFound("requirement", id)));
    }

    @GetMapping("/{id}/steps")
    @CanReadRequirements
    List<RequirementStep> steps(@PathVariable long id) {
        one(id);
        return requirements.steps(id);
    }

    @GetMapping("/allowance")
    @CanReadRequirements
    AllowanceView allowance() {
        return AllowanceView.of(desk.currentAllowance());
    }

    @PostMapping
    @CanSubmitRequirements
    ResponseEntity<RequirementView> submit(@Valid @RequestBody NewRequirement request, Authentication who) {
        Requirement created = desk.submit(request, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/opsdesk/requirements/" + created.id())).body(RequirementView.of(created));
    }

    @PostMapping("/{id}/analysis")
    @CanWorkRequirements
    RequirementView analyse(@PathVariable long id, Authentication who) {
        return RequirementView.of(desk.startAnalysis(id, who.getName()));
    }

    @PostMapping("/{id}/accept")
    @CanWorkRequirements
    RequirementView accept(@PathVariable long id, @RequestBody Acceptance body, Authentication who) {
        return RequirementView.of(desk.accept(id, body.reason(), body.personDays(), body.dueDate(), who.getName()));
    }

    @PostMapping("/{id}/reject")
    @CanWorkRequirements
    RequirementView reject(@PathVariable long id, @RequestBody Reason body, Authentication who) {
        return RequirementView.of(desk.reject(id, body.reason(), who.getName()));
    }

    @PostMapping("/{id}/schedule")
    @CanWorkRequirements
    RequirementView schedule(@PathVariable long id, @RequestBody Planning body, Authentication who) {
        return RequirementView.of(desk.schedule(id, body.plannedDate(), who.getName()));
    }

    @PostMapping("/{id}/deliver")
    @CanWorkRequirements
    RequirementView deliver(@PathVariable long id, @RequestBody Delivery body, Authentication who) {
        return RequirementView.of(desk.deliver(id, body.delivered(), who.getName()));
    }

    @PostMapping("/{id}/verify")
    @CanVerifyRequirements
    RequirementView verify(@PathVariable long id, @RequestBody(required = false) Verification body, Authentication who) {
        return RequirementView.of(desk.verify(id, body == null ? null : body.note(), who.getName()));
    }

    @PostMapping("/{id}/refuse-verification")
    @CanVerifyRequirements
    RequirementView refuse(@PathVariable long id, @RequestBody Reason body, Authentication who) {
        return RequirementView.of(desk.refuseVerification(id, body.reason(), who.getName()));
    }

    @PutMapping("/{id}/due-date")
    @CanWorkRequirements
    RequirementView due(@PathVariable long id, @RequestBody Due body, Authentication who) {
        return RequirementView.of(desk.setDueDate(id, body.dueDate(), who.getName()));
    }

    @PutMapping("/{id}/person-days")
    @CanWorkRequirements
    RequirementView personDays(@PathVariable long id, @RequestBody PersonDays body, Authentication who) {
        return RequirementView.of(desk.recordPersonDays(id, body.personDays(), who.getName()));
    }

    record Acceptance(String reason, BigDecimal personDays, LocalDate dueDate) {
    }

    record Reason(String reason) {
    }

    record Planning(LocalDate plannedDate) {
    }

    record Delivery(String delivered) {
    }

    record Verification(String note) {
    }

    record Due(LocalDate dueDate) {
    }

    record PersonDays(BigDecimal personDays) {
    }

    /** The contract year's allowance as the API and the page show it. */
    record AllowanceView(int year, BigDecimal perRequest, BigDecimal perYear, BigDecimal used, BigDecimal remaining) {
        static AllowanceView of(Allowance allowance) {
            return new AllowanceView(allowance.year(), plain(allowance.perRequest()), plain(allowance.perYear()),
                    plain(allowance.used()), plain(allowance.remaining()));
        }

        private static BigDecimal plain(BigDecimal days) {
            return new BigDecimal(Allowance.shown(days));
        }

        public int usedPercent() {
            return perYear.signum() == 0 ? 100
                    : Math.min(100, used.multiply(BigDecimal.valueOf(100)).divide(perYear, 0, java.math.RoundingMode.HALF_UP).intValue());
        }
    }
}
