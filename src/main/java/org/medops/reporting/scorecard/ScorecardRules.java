package org.medops.reporting.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.medops.inspection.InspectionRounds;
import org.medops.opsdesk.ServiceFacts;
import org.medops.reporting.contracts.ScorecardItem;
import org.medops.reporting.facts.Call;
import org.medops.reporting.facts.Extraction;
import org.medops.reporting.facts.Incident;

/**
 * Seed 001's rules, item by item, applied to a quarter's facts: what the draft card deducts and why, in the words
 * of {@link Wording} (the card's texts are Chinese, as the hospital files them). Deductions under an item the
 * contract does not have are left out.
 */
final class ScorecardRules {

    /** An outage up to this long counts as recovered quickly (迅速恢复) and costs nothing. */
    static final int QUICK_RECOVERY_MINUTES = 20;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Outages adding up to this (5 h) and more cost the capped {@link #OUTAGE_CAP_POINTS} instead of per hour. */
    static final int OUTAGE_CAP_MINUTES = 5 * 60;
    static final BigDecimal OUTAGE_CAP_POINTS = BigDecimal.valueOf(15);

    /** The readable text of a deduction from a message key and its arguments. */
    interface Wording {
        String text(String key, Object... arguments);
    }

    private ScorecardRules() {
    }

    static List<Deduction> deduce(QuarterFacts facts, List<ScorecardItem> items, ZoneId zone, Wording words) {
        Set<String> codes = items.stream().map(ScorecardItem::code).collect(Collectors.toSet());
        List<Deduction> all = new ArrayList<>();
        all.addAll(missedRounds(facts.rounds(), zone, words));
        all.addAll(slaMisses(facts.slaMisses(), words));
        all.addAll(outages(facts.outages(), words));
        facts.recorded().backupFailures().stream().findFirst().ifPresent(f -> all.add(Deduction.of("BACKUP",
                DeductionRule.BACKUP_FAILURE, BigDecimal.TEN, words.text("scorecard.rule.BACKUP_FAILURE", f.target(),
                        facts.recorded().backupFailures().size()), "/inspection/rounds/" + f.roundId())));
        all.addAll(unanswered(facts.recorded().unansweredCalls(), facts.first(), facts.last(), words));
        for (ServiceFacts.Rework r : facts.rework()) {
            all.add(Deduction.of("REWORK", DeductionRule.REWORK, BigDecimal.ONE, words.text("scorecard.rule.REWORK."
                    + r.kind(), r.number(), r.title()), ticket(r.ticketId())));
        }
        all.addAll(incidents(facts.recorded().incidents(), words));
        for (Extraction e : facts.recorded().wrongExtractions()) {
            String why = e.accuracyPercent() != null && e.accuracyPercent().compareTo(new BigDecimal("98")) < 0
                    ? words.text("scorecard.rule.WRONG_EXTRACTION.accuracy", e.accuracyPercent().stripTrailingZeros()
                    .toPlainString()) : words.text("scorecard.rule.WRONG_EXTRACTION.wrong");
            all.add(Deduction.of("STATISTICS", DeductionRule.WRONG_EXTRACTION, TWO,
                    words.text("scorecard.rule.WRONG_EXTRACTION", String.valueOf(e.id()), e.subject(), why),
                    "/reporting/extractions?q=" + java.net.URLEncoder.encode(e.subject(),
                            java.nio.charset.StandardCharsets.UTF_8)));
        }
        return all.stream().filter(d -> codes.contains(d.itemCode())).toList();
    }

    /** Item 1: a planned round whose window passed without one is maintenance not done as required: 2 each. */
    static List<Deduction> missedRounds(List<InspectionRounds.PlannedRound> rounds, ZoneId zone, Wording words) {
        return rounds.stream().filter(InspectionRounds.PlannedRound::missed)
                .map(r -> Deduction.of("CLIENT", DeductionRule.MISSED_INSPECTION, TWO,
                        words.text("scorecard.rule.MISSED_INSPECTION", r.schedule(),
                                LocalDate.ofInstant(r.dueAt(), zone).toString()),
                        "/inspection/plan?year=" + LocalDate.ofInstant(r.dueAt(), zone).getYear()))
                .toList();
    }

    /** Item 2: not on site in time, or not resolved in time: 2 per ticket and target. */
    static List<Deduction> slaMisses(List<ServiceFacts.SlaMiss> misses, Wording words) {
        return misses.stream().map(m -> {
            DeductionRule rule = "ARRIVAL".equals(m.kind()) ? DeductionRule.LATE_ARRIVAL : DeductionRule.UNRESOLVED;
            return Deduction.of("SUPPORT", rule, TWO, words.text("scorecard.rule." + rule, m.number(),
                    m.title()), ticket(m.ticketId()));
        }).toList();
    }

    /**
     * Item 3: a critical outage beyond 20 minutes costs 2 points per started hour (21 minutes: 2; 2 h 35 min: 6);
     * when the quarter's outages beyond 20 minutes add up to 5 hours or more, the item loses 15 in one deduction
     * instead.
     */
    static List<Deduction> outages(List<ServiceFacts.Outage> outages, Wording words) {
        List<ServiceFacts.Outage> slow = outages.stream().filter(o -> o.minutes() > QUICK_RECOVERY_MINUTES).toList();
        long total = slow.stream().mapToLong(ServiceFacts.Outage::minutes).sum();
        if (total >= OUTAGE_CAP_MINUTES) {
            String numbers = slow.stream().map(ServiceFacts.Outage::number).collect(Collectors.joining("、"));
            return List.of(Deduction.of("SERVER", DeductionRule.SERVER_OUTAGE_CAP, OUTAGE_CAP_POINTS,
                    words.text("scorecard.rule.SERVER_OUTAGE_CAP", numbers, duration(total)),
                    ticket(slow.get(0).ticketId())));
        }
        return slow.stream().map(o -> {
            long hours = (o.minutes() + 59) / 60;
            return Deduction.of("SERVER", DeductionRule.SERVER_OUTAGE, BigDecimal.valueOf(2 * hours),
                    words.text("scorecard.rule.SERVER_OUTAGE", o.number(), duration(o.minutes()), hours, 2 * hours),
                    ticket(o.ticketId()));
        }).toList();
    }

    /** Item 5: every call nobody answered costs 1, as one line for the quarter. */
    static List<Deduction> unanswered(List<Call> calls, LocalDate first, LocalDate last, Wording words) {
        if (calls.isEmpty()) {
            return List.of();
        }
        return List.of(Deduction.of("DUTY", DeductionRule.UNANSWERED_CALL, BigDecimal.valueOf(calls.size()),
                words.text("scorecard.rule.UNANSWERED_CALL", calls.size()),
                "/reporting/calls?from=" + first + "&to=" + last));
    }

    /** Items 7, 8 and 10 from the hospital's incidents; a discipline breach or safety accident fails the quarter. */
    static List<Deduction> incidents(List<Incident> incidents, Wording words) {
        List<Deduction> all = new ArrayList<>();
        for (Incident i : incidents) {
            String evidence = i.evidenceCount() > 0 ? "/reporting/incidents/" + i.id() + "/evidence"
                    : "/reporting/incidents?q=" + java.net.URLEncoder.encode(i.summary(),
                    java.nio.charset.StandardCharsets.UTF_8);
            String text = words.text("scorecard.rule." + i.kind(), i.occurredOn().toString(), i.department(),
                    i.summary(), i.points() == null ? "" : i.points().stripTrailingZeros().toPlainString());
            all.add(switch (i.kind()) {
                case COMPLAINT -> Deduction.of("ATTITUDE", DeductionRule.COMPLAINT, BigDecimal.ONE, text, evidence);
                case ATTITUDE -> Deduction.of("ATTITUDE", DeductionRule.ATTITUDE, BigDecimal.ONE, text, evidence);
                case CONDUCT -> Deduction.of("ETHICS", DeductionRule.CONDUCT, BigDecimal.ONE, text, evidence);
                case DISCIPLINE_BREACH -> Deduction.failing("ETHICS", DeductionRule.DISCIPLINE_BREACH, text, evidence);
                case SAFETY_ACCIDENT -> Deduction.failing("SECURITY", DeductionRule.SAFETY_ACCIDENT, text, evidence);
                case DATA_SECURITY -> Deduction.of("SECURITY", DeductionRule.DATA_SECURITY,
                        i.points() == null ? BigDecimal.TEN : i.points().max(BigDecimal.TEN), text, evidence);
                case DATA_LEAK -> Deduction.of("SECURITY", DeductionRule.DATA_LEAK, BigDecimal.valueOf(40), text,
                        evidence);
            });
        }
        return all;
    }

    static String duration(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }

    private static String ticket(long id) {
        return "/opsdesk/tickets/" + id;
    }
}
