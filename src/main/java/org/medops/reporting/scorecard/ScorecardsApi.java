package org.medops.reporting.scorecard;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.ServiceContracts;
import org.medops.reporting.permissions.CanFinalizeScorecards;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.reporting.permissions.CanScoreScorecards;
import org.medops.shared.ProblemException;
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
 * The scorecard over REST: {@code POST /api/v1/scorecards {"quarter":"2026-Q3"}} drafts a quarter from the facts;
 * reviewers strike, adjust and add deductions; the hospital finalises; {@code summary?contractYear=} and
 * {@code milestones?contractYear=} give the year's outcome.
 */
@RestController
@RequestMapping("/api/v1/scorecards")
class ScorecardsApi {

    private final ScorecardDesk desk;
    private final Scorecards cards;
    private final ServiceContracts contracts;

    private final org.medops.signature.SignedDocuments signedDocuments;

    ScorecardsApi(ScorecardDesk desk, Scorecards cards, ServiceContracts contracts,
                  org.medops.signature.SignedDocuments signedDocuments) {
        this.signedDocuments = signedDocuments;
        this.desk = desk;
        this.cards = cards;
        this.contracts = contracts;
    }

    @GetMapping
    @CanReadReporting
    List<Scorecard.View> recent() {
        return cards.recent(40).stream().map(desk::view).toList();
    }

    @PostMapping
    @CanScoreScorecards
    ResponseEntity<Scorecard.View> draft(@Valid @RequestBody ScorecardRequests.Draft request, Authentication who) {
        Scorecard card = desk.draft(Quarter.parse(request.quarter()), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/scorecards/" + card.id())).body(desk.view(card));
    }

    @GetMapping("/{id:\\d+}")
    @CanReadReporting
    Scorecard.View one(@PathVariable long id) {
        return desk.view(desk.find(id));
    }

    /** The finalised card's sheet with the finaliser's electronic signature (404 before, or without a CJK font). */
    @GetMapping(value = "/{id:\\d+}/signed.pdf")
    @CanReadReporting
    org.springframework.http.ResponseEntity<byte[]> signedPdf(@PathVariable long id) {
        Scorecard card = desk.find(id);
        byte[] pdf = signedDocuments.pdf(ScorecardDesk.SIGNED_TYPE, Long.toString(card.id()))
                .orElseThrow(() -> ProblemException.notFound("signed-document", card.quarter().toString()));
        return org.springframework.http.ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"scorecard-" + card.quarter() + ".pdf\"").body(pdf);
    }

    /** Exactly the text that was signed, to recompute its SHA-256. */
    @GetMapping(value = "/{id:\\d+}/signed-content", produces = MediaType.TEXT_PLAIN_VALUE)
    @CanReadReporting
    String signedContent(@PathVariable long id) {
        Scorecard card = desk.find(id);
        if (card.signature() == null) {
            throw ProblemException.conflict("reporting-scorecard-not-final", card.quarter().toString());
        }
        return card.signature().content();
    }

    @PostMapping("/{id:\\d+}/deductions/{deductionId}/strike")
    @CanScoreScorecards
    Scorecard.View strike(@PathVariable long id, @PathVariable long deductionId,
                          @Valid @RequestBody ScorecardRequests.Strike request, Authentication who) {
        return desk.view(desk.strike(id, deductionId, request.reason(), who.getName()));
    }

    @PostMapping("/{id:\\d+}/deductions/{deductionId}/adjust")
    @CanScoreScorecards
    Scorecard.View adjust(@PathVariable long id, @PathVariable long deductionId,
                          @Valid @RequestBody ScorecardRequests.Adjust request, Authentication who) {
        return desk.view(desk.adjust(id, deductionId, request.points(), request.reason(), who.getName()));
    }

    @PostMapping("/{id:\\d+}/deductions")
    @CanScoreScorecards
    Scorecard.View add(@PathVariable long id, @Valid @RequestBody ScorecardRequests.Add request, Authentication who) {
        return desk.view(desk.add(id, request, who.getName()));
    }

    @PostMapping("/{id:\\d+}/finalize")
    @CanFinalizeScorecards
    Scorecard.View finalize(@PathVariable long id, @Valid @RequestBody(required = false) ScorecardRequests.Finalize request,
                            Authentication who) {
        return desk.view(desk.finalize(id, request == null ? null : request.signerName(), who.getName()));
    }

    @GetMapping("/summary")
    @CanReadReporting
    YearSummary summary(@RequestParam int contractYear) {
        Contract contract = contract(contractYear);
        return YearSummary.of(contract, cards.ofContract(contract.id()));
    }

    @GetMapping("/milestones")
    @CanReadReporting
    MilestonePlan milestones(@RequestParam int contractYear) {
        Contract contract = contract(contractYear);
        YearSummary summary = YearSummary.of(contract, cards.ofContract(contract.id()));
        return MilestonePlan.of(contract, contracts.milestones(contract.id()), summary.paymentPercent());
    }

    private Contract contract(int year) {
        return contracts.byYear(year).orElseThrow(() -> ProblemException.notFound("reportingContract", year));
    }
}
