package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.medops.inspection.InspectionRounds;
import org.medops.opsdesk.ServiceFacts;
import org.medops.reporting.Quarter;
import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.ScorecardItem;
import org.medops.reporting.contracts.ServiceContracts;
import org.medops.reporting.facts.RecordedFacts;
import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.FilterText;
import org.medops.shared.ProblemException;
import org.medops.signature.Sheet;
import org.medops.signature.SignedDocuments;
import org.medops.signature.Signer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafts a quarter's card from the facts, carries the reviewers' changes and finalises it; every step audited. */
@Service
class ScorecardDesk {

    private final Scorecards cards;
    private final ServiceContracts contracts;
    private final RecordedFacts recorded;
    private final ServiceFacts opsdesk;
    private final InspectionRounds rounds;
    private final Settings settings;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignedDocuments signatures;

    ScorecardDesk(Scorecards cards, ServiceContracts contracts, RecordedFacts recorded, ServiceFacts opsdesk,
                  InspectionRounds rounds, Settings settings, MessageSource messages, ApplicationEventPublisher events,
                  Clock clock, SignedDocuments signatures) {
        this.signatures = signatures;
        this.cards = cards;
        this.contracts = contracts;
        this.recorded = recorded;
        this.opsdesk = opsdesk;
        this.rounds = rounds;
        this.settings = settings;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    ZoneId zone() {
        return settings.current().zone();
    }

    Quarter currentQuarter() {
        return Quarter.of(LocalDate.now(clock.withZone(zone())));
    }

    Contract contractOf(Scorecard card) {
        return contracts.find(card.contractId()).orElseThrow();
    }

    Scorecard.View view(Scorecard card) {
        return card.view(contractOf(card));
    }

    Scorecard find(long id) {
        return cards.find(id).orElseThrow(() -> ProblemException.notFound("reportingScorecard", id));
    }

    /** The draft of a quarter that has begun, under the contract running on its first day. */
    @Transactional
    Scorecard draft(Quarter quarter, String by) {
        if (quarter.first().isAfter(LocalDate.now(clock.withZone(zone())))) {
            throw ProblemException.invalid("reporting-quarter-future", quarter.toString());
        }
        Contract contract = contracts.covering(quarter.first())
                .orElseThrow(() -> ProblemException.conflict("reporting-no-contract", quarter.toString()));
        if (cards.exists(quarter)) {
            throw ProblemException.conflict("reporting-scorecard-exists", quarter.toString());
        }
        Instant now = clock.instant();
        long id = cards.insert(contract.id(), quarter, contract.items(), by, now);
        for (Deduction d : ScorecardRules.deduce(facts(quarter), contract.items(), zone(), this::chinese)) {
            cards.add(id, d);
        }
        Scorecard card = cards.find(id).orElseThrow();
        events.publishEvent(new ScorecardAction("reporting.scorecard.draft", Long.toString(id), List.of(
                FieldChange.set("quarter", quarter), FieldChange.set("deductions", card.deductions().size()),
                FieldChange.set("total", card.total().toPlainString()))));
        return card;
    }

    QuarterFacts facts(Quarter quarter) {
        ZoneId zone = zone();
        LocalDate first = quarter.first();
        LocalDate last = quarter.last();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        return new QuarterFacts(first, last, rounds.planned(first, last, zone), opsdesk.criticalOutages(from, to, now),
                opsdesk.slaMisses(from, to), opsdesk.rework(from, to), recorded.of(first, last, zone));
    }

    @Transactional
    Scorecard strike(long cardId, long deductionId, String reason, String by) {
        Scorecard card = draftOf(cardId);
        Deduction d = card.deduction(deductionId);
        if (d.struck()) {
            throw ProblemException.conflict("reporting-deduction-struck", Long.toString(deductionId));
        }
        cards.strike(deductionId, reason.strip(), by, clock.instant());
        events.publishEvent(new ScorecardAction("reporting.deduction.strike", Long.toString(cardId), List.of(
                FieldChange.set("deduction", deductionId + " " + d.text()), FieldChange.set("reason", reason.strip()))));
        return find(cardId);
    }

    @Transactional
    Scorecard adjust(long cardId, long deductionId, BigDecimal points, String reason, String by) {
        Scorecard card = draftOf(cardId);
        Deduction d = card.deduction(deductionId);
        if (d.struck()) {
            throw ProblemException.conflict("reporting-deduction-struck", Long.toString(deductionId));
        }
        cards.adjust(deductionId, points, reason.strip(), by);
        events.publishEvent(new ScorecardAction("reporting.deduction.adjust", Long.toString(cardId), List.of(
                FieldChange.of("points", d.points().stripTrailingZeros().toPlainString(),
                        points.stripTrailingZeros().toPlainString()),
                FieldChange.set("deduction", Long.toString(deductionId)), FieldChange.set("reason", reason.strip()))));
        return find(cardId);
    }

    @Transactional
    Scorecard add(long cardId, ScorecardRequests.Add request, String by) {
        Scorecard card = draftOf(cardId);
        card.item(request.itemCode());
        long id = cards.add(cardId, new Deduction(0, request.itemCode(), DeductionRule.MANUAL, request.points(),
                request.text().strip(), FilterText.orNull(request.evidence()), false, by, request.reason().strip(), false,
                null, null, null));
        events.publishEvent(new ScorecardAction("reporting.deduction.add", Long.toString(cardId), List.of(
                FieldChange.set("deduction", id + " " + request.text().strip()),
                FieldChange.set("item", request.itemCode()), FieldChange.set("points", request.points()),
                FieldChange.set("reason", request.reason().strip()))));
        return find(cardId);
    }

    @Transactional
    Scorecard finalize(long cardId, String signerName, String by) {
        Scorecard card = draftOf(cardId);
        String name = signerName == null || signerName.isBlank() ? by : signerName.strip();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Contract contract = contractOf(card);
        String content = SignedContent.canonical(card, contract, new Scorecard.Signature(by, name, at, null, null));
        String hash = SignedContent.sha256(content);
        cards.finalize(cardId, new Scorecard.Signature(by, name, at, content, hash));
        events.publishEvent(new ScorecardAction("reporting.scorecard.finalize", Long.toString(cardId), List.of(
                FieldChange.set("quarter", card.quarter()), FieldChange.set("total", card.total().toPlainString()),
                FieldChange.set("signer", name), FieldChange.set("hash", hash))));
        signatures.signSheet(SIGNED_TYPE, Long.toString(cardId), new Signer(by, name),
                chinese("signature.sheet.scorecard.reason"), sheet(card, contract, name, at, hash));
        return find(cardId);
    }

    /** The finalised card as the sheet the finaliser's electronic signature goes on (when a CJK font exists). */
    private Sheet sheet(Scorecard card, Contract contract, String signer, Instant at, String hash) {
        List<Sheet.Line> lines = new java.util.ArrayList<>();
        lines.add(new Sheet.Line(chinese("signature.sheet.scorecard.contract"), contract.name() + " · " + contract.vendor()));
        lines.add(new Sheet.Line(chinese("signature.sheet.scorecard.quarter"), card.quarter().toString()));
        for (ScorecardItem item : card.items()) {
            lines.add(new Sheet.Line(item.name(), item.deductionOnly() ? card.score(item).toPlainString()
                    : card.score(item).stripTrailingZeros().toPlainString() + " / " + item.maxPoints()));
        }
        lines.add(new Sheet.Line(chinese("signature.sheet.scorecard.total"), card.total().toPlainString()));
        card.deductions().stream().filter(Deduction::active).forEach(d -> lines.add(new Sheet.Line(
                chinese("signature.sheet.scorecard.deduction"), d.text() + "（−" + d.points().stripTrailingZeros().toPlainString() + "）")));
        lines.add(new Sheet.Line(chinese("signature.sheet.signer"), signer));
        lines.add(new Sheet.Line(chinese("signature.sheet.signedAt"),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone()).format(at)));
        lines.add(new Sheet.Line("SHA-256", hash));
        return new Sheet(chinese("signature.sheet.scorecard.title", card.quarter().toString()), lines);
    }

    /** The document type under which the signature module keeps a finalised card's signed sheet. */
    static final String SIGNED_TYPE = "scorecard";

    private Scorecard draftOf(long cardId) {
        Scorecard card = cards.lock(cardId).orElseThrow(() -> ProblemException.notFound("reportingScorecard", cardId));
        card.requireDraft();
        return card;
    }

    private String chinese(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }
}
