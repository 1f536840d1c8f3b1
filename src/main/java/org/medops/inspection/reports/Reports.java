package org.medops.inspection.reports;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medops.inspection.ChecklistContributor;
import org.medops.inspection.rounds.ItemResult;
import org.medops.inspection.rounds.RoundItem;
import org.medops.inspection.rounds.RoundReader;
import org.medops.inspection.rounds.RoundSheet;
import org.medops.inspection.rounds.RoundStatus;
import org.medops.inspection.rounds.Template;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.signature.SignedDocuments;
import org.medops.signature.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's report: read (pre-filled until first saved), edited by the engineer, signed by the information
 * department — which freezes it under the SHA-256 of its canonical content. Every edit and the signature are audited.
 */
@Service("inspectionReports")
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    static final int MAX_NAME = 100;
    static final int MAX_STATEMENT = 1000;

    private final RoundReader rounds;
    private final ReportStore store;
    private final ReportWording wording;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReportDocuments documents;
    private final SignedDocuments signatures;
    private final ObjectProvider<ChecklistContributor> checklist;

    Reports(RoundReader rounds, ReportStore store, ReportWording wording, ApplicationEventPublisher events, Clock clock,
            ReportDocuments documents, SignedDocuments signatures, ObjectProvider<ChecklistContributor> checklist) {
        this.checklist = checklist;
        this.rounds = rounds;
        this.store = store;
        this.wording = wording;
        this.events = events;
        this.clock = clock;
        this.documents = documents;
        this.signatures = signatures;
    }

    public ReportView view(long roundId, Locale locale) {
        RoundSheet round = round(roundId);
        return store.find(roundId).map(report -> view(round, report, false, locale))
                .orElseGet(() -> view(round, draft(round, locale), true, locale));
    }

    @Transactional
    public ReportView edit(long roundId, ReportEdit edit, String actor, Locale locale) {
        if (edit == null) {
            throw ProblemException.invalid("inspection-report-edit-empty");
        }
        RoundSheet round = round(roundId);
        InspectionReport before = store.lock(roundId).orElseGet(() -> draft(round, locale));
        InspectionReport after = before.edit(edit.findings(), edit.remarks(), clock.instant(), actor);
        store.save(after);
        events.publishEvent(new ReportAction("inspection.report.edit", String.valueOf(roundId), List.of(
                FieldChange.of("inspectionFindings", before.findings().size(), after.findings().size()),
                FieldChange.of("inspectionRemarks", before.remarks(), after.remarks())).stream()
                .filter(FieldChange::changed).toList()));
        return view(round, after, false, locale);
    }

    @Transactional
    public ReportView sign(long roundId, SignRequest request, String actor, Locale locale) {
        RoundSheet round = round(roundId);
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ProblemException.invalid("inspection-report-sign-name", MAX_NAME);
        }
        String statement = request.statement() == null || request.statement().isBlank()
                ? wording.text("inspection.report.sign.defaultStatement", locale) : request.statement().strip();
        if (statement.length() > MAX_STATEMENT) {
            throw ProblemException.invalid("inspection-report-sign-statement", MAX_STATEMENT);
        }
        InspectionReport before = store.lock(roundId).orElseGet(() -> draft(round, locale));
        if (before.signed()) {
            throw ProblemException.conflict("inspection-report-signed", String.valueOf(roundId));
        }
        if (round.status() != RoundStatus.DONE) {
            throw ProblemException.conflict("inspection-report-round-running", String.valueOf(roundId));
        }
        // Truncated to what the database keeps, so the stored time gives the same canonical text again.
        SignOff signOff = new SignOff(actor, name, statement, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        List<ChecklistContributor.Entry> lines = checklist(round, locale);
        String content = ReportContent.canonical(round, before, signOff, lines);
        String hash = ReportContent.sha256(content);
        InspectionReport signed = before.sign(signOff, content, hash, lines);
        store.save(signed);
        events.publishEvent(new ReportAction("inspection.report.sign", String.valueOf(roundId), List.of(
                FieldChange.set("inspectionSignedName", name), FieldChange.set("inspectionStatement", statement),
                FieldChange.set("inspectionReportHash", hash))));
        ReportView view = view(round, signed, false, locale);
        signElectronically(view, actor, name, statement, locale);
        return view;
    }

    /**
     * The signed report's PDF gets the signer's electronic signature (SM2, through the signature service) in the
     * same transaction. Without a CJK font there is no PDF to sign: the sign-off stands on its SHA-256 alone.
     */
    private void signElectronically(ReportView view, String actor, String name, String statement, Locale locale) {
        if (documents.font().isEmpty()) {
            log.warn("Inspection report {} signed without an electronic signature: no CJK font for its PDF", view.roundId());
            return;
        }
        signatures.sign(ReportDocuments.SIGNED_TYPE, String.valueOf(view.roundId()), new Signer(actor, name), statement,
                documents.pdf(view, locale));
    }

    /** Exactly the text that was signed, for anyone who wants to recompute its SHA-256. */
    public String signedContent(long roundId) {
        round(roundId);
        return store.find(roundId).filter(InspectionReport::signed).map(InspectionReport::signedContent)
                .orElseThrow(() -> ProblemException.conflict("inspection-report-not-signed", String.valueOf(roundId)));
    }

    private RoundSheet round(long roundId) {
        return rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("inspection-round", roundId));
    }

    private InspectionReport draft(RoundSheet round, Locale locale) {
        List<Finding> findings = round.items().stream().filter(item -> item.result() != ItemResult.PASS)
                .sorted((a, b) -> severity(b.result()) - severity(a.result()))
                .map(item -> wording.prefill(item, locale)).toList();
        return InspectionReport.draft(round.id(), findings, clock.instant(), round.startedBy());
    }

    private static int severity(ItemResult result) {
        return switch (result) {
            case FAIL -> 3;
            case ERROR -> 2;
            case WARN -> 1;
            case PASS -> 0;
        };
    }

    /**
     * The contributed checklist (emergency plans and drills …) of a full or quarterly round as of its start; the
     * daily, database and backup rounds check machines only. A contributor that fails is left out and logged: the
     * report itself must still open.
     */
    private List<ChecklistContributor.Entry> checklist(RoundSheet round, Locale locale) {
        if (round.template() != null && round.template() != Template.QUARTERLY) {
            return List.of();
        }
        List<ChecklistContributor.Entry> lines = new ArrayList<>();
        for (ChecklistContributor contributor : checklist.orderedStream().toList()) {
            try {
                lines.addAll(contributor.entries(round.startedAt(), locale));
            } catch (RuntimeException e) {
                log.warn("Checklist contributor {} failed for round {}: {}", contributor.getClass().getSimpleName(),
                        round.id(), e.toString());
            }
        }
        return lines;
    }

    private ReportView view(RoundSheet round, InspectionReport report, boolean draft, Locale locale) {
        Boolean valid = report.signed()
                ? ReportContent.sha256(ReportContent.canonical(round, report, report.signOff(), report.checklist()))
                .equals(report.hash())
                && ReportContent.sha256(report.signedContent()).equals(report.hash())
                : null;
        return new ReportView(round.id(), round.template(), round.status(), round.trigger(), round.startedBy(),
                round.startedAt(), round.finishedAt(), summary(round), round.items(), report.findings(), report.remarks(),
                draft, draft ? null : report.updatedAt(), draft ? null : report.updatedBy(), report.signOff(),
                report.hash(), valid, report.signed() ? report.checklist() : checklist(round, locale));
    }

    private static ReportView.Summary summary(RoundSheet round) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (RoundItem item : round.items()) {
            counts.computeIfAbsent(item.targetCode(), c -> new int[4])[item.result().ordinal()]++;
            names.putIfAbsent(item.targetCode(), item.targetName() == null ? item.targetCode() : item.targetName());
        }
        List<ReportView.TargetSummary> targets = new ArrayList<>();
        counts.forEach((code, c) -> targets.add(new ReportView.TargetSummary(code, names.get(code),
                c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3])));
        return new ReportView.Summary(round.items().size(), (int) round.count(ItemResult.PASS),
                (int) round.count(ItemResult.WARN), (int) round.count(ItemResult.FAIL), (int) round.count(ItemResult.ERROR),
                targets);
    }
}
