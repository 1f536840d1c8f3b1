package org.medops.reporting.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.medops.reporting.Quarter;
import org.medops.reporting.ServiceReportContributor;
import org.medops.reporting.contracts.Contract;
import org.medops.reporting.contracts.ServiceContracts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The service report's scorecard section: for a quarter its card item by item with the deductions; for a year the
 * contract year's quarters, the average and the payment band.
 */
@Component
class ScorecardReportSection implements ServiceReportContributor {

    private final Scorecards cards;
    private final ServiceContracts contracts;
    private final MessageSource messages;

    ScorecardReportSection(Scorecards cards, ServiceContracts contracts, MessageSource messages) {
        this.cards = cards;
        this.contracts = contracts;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<Section> sections(Period period, Locale locale) {
        String title = text(locale, "report.scorecard.title");
        if (period.label().contains("-Q")) {
            Optional<Scorecard> card = cards.byQuarter(Quarter.parse(period.label()));
            if (card.isEmpty()) {
                return List.of(new Section("scorecard", title, List.of(text(locale, "report.scorecard.none",
                        period.label())), List.of(), List.of()));
            }
            Contract contract = contracts.find(card.get().contractId()).orElseThrow();
            return List.of(quarter(card.get().view(contract), title, locale));
        }
        Optional<Contract> contract = contracts.covering(period.first())
                .or(() -> contracts.byYear(period.first().getYear()));
        if (contract.isEmpty()) {
            return List.of(new Section("scorecard", title, List.of(text(locale, "summary.noContract")), List.of(),
                    List.of()));
        }
        return List.of(year(YearSummary.of(contract.get(), cards.ofContract(contract.get().id())), title, locale));
    }

    private Section quarter(Scorecard.View card, String title, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "report.scorecard.quarter", card.quarter(), card.total().toPlainString(), card.maxTotal(),
                card.paymentPercent(), text(locale, "scorecard.status." + card.status())));
        if (card.maxTotalDiffers()) {
            lines.add(text(locale, "scorecard.maxDiffers", card.maxTotal(), card.nominalTotal(),
                    text(locale, "scorecard.bandBasis." + card.bandBasis())));
        }
        if (card.failed()) {
            lines.add(text(locale, "scorecard.failed"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Scorecard.View.Item item : card.items()) {
            String deductions = String.join("；", item.deductions().stream().filter(Deduction::active)
                    .map(Deduction::text).toList());
            rows.add(List.of(item.name(), item.maxPoints() == null ? text(locale, "scorecard.item.deductionOnly")
                    : item.maxPoints().toString(), item.score().toPlainString(), deductions));
        }
        return new Section("scorecard", title, lines, List.of(text(locale, "scorecard.item.name"),
                text(locale, "scorecard.item.max"), text(locale, "scorecard.item.score"),
                text(locale, "scorecard.deductions")), rows);
    }

    private Section year(YearSummary summary, String title, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(summary.average() == null ? text(locale, "summary.none") : text(locale, "report.scorecard.year",
                String.valueOf(summary.contractYear()), summary.average().toPlainString(), summary.paymentPercent()));
        if (summary.twoFailuresWarning()) {
            lines.add(text(locale, "summary.twoFailures"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (YearSummary.QuarterLine q : summary.quarters()) {
            rows.add(List.of(q.quarter(), q.status() == null ? text(locale, "summary.notScored")
                    : text(locale, "scorecard.status." + q.status()), q.total() == null ? "—" : q.total().toPlainString(),
                    q.status() == null ? "" : q.failed() ? text(locale, q.overridden() ? "summary.overridden"
                            : "summary.failed") : text(locale, "summary.passed")));
        }
        return new Section("scorecard", title, lines, List.of(text(locale, "summary.quarter"),
                text(locale, "summary.status"), text(locale, "summary.total"), ""), rows);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
