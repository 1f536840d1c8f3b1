package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.medops.reporting.ServiceReportContributor;
import org.medops.settings.Settings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The service report's sections on trainings and visits, and on support calls. */
@Component
class FactsReportSections implements ServiceReportContributor {

    private final RecordedFacts facts;
    private final MessageSource messages;
    private final Settings settings;

    FactsReportSections(RecordedFacts facts, MessageSource messages, Settings settings) {
        this.facts = facts;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<Section> sections(Period period, Locale locale) {
        return List.of(trainingsAndVisits(period, locale), calls(period, locale));
    }

    private Section trainingsAndVisits(Period period, Locale locale) {
        List<Training> trainings = facts.trainings(period.first(), period.last());
        List<Visit> visits = facts.visits(period.first(), period.last());
        BigDecimal hours = trainings.stream().map(Training::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        int attendees = trainings.stream().mapToInt(Training::attendees).sum();
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "report.facts.trainings", trainings.size(), hours.stripTrailingZeros().toPlainString(),
                attendees));
        String average = visits.isEmpty() ? "—" : BigDecimal.valueOf(visits.stream().mapToInt(Visit::satisfaction)
                .average().orElse(0)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        lines.add(text(locale, "report.facts.visits", visits.size(), average));
        List<List<String>> rows = new ArrayList<>();
        for (Training t : trainings) {
            rows.add(List.of(t.heldOn().toString(), text(locale, "report.facts.kind.training"), t.topic() + " · "
                    + t.audience(), text(locale, "report.facts.trainingFigures", t.hours().stripTrailingZeros()
                    .toPlainString(), t.attendees())));
        }
        for (Visit v : visits) {
            rows.add(List.of(v.visitedOn().toString(), text(locale, "report.facts.kind.visit"), v.department() + " · "
                    + v.findings(), text(locale, "report.facts.satisfaction", v.satisfaction())));
        }
        rows.sort(java.util.Comparator.comparing(r -> r.get(0)));
        return new Section("trainings-visits", text(locale, "report.facts.trainingsVisits.title"), lines,
                List.of(text(locale, "report.facts.date"), text(locale, "report.facts.kind"),
                        text(locale, "report.facts.what"), text(locale, "report.facts.figures")), rows);
    }

    private Section calls(Period period, Locale locale) {
        ZoneId zone = settings.current().zone();
        List<Call> calls = facts.calls(period.first(), period.last(), zone);
        long unanswered = calls.stream().filter(c -> !c.answered()).count();
        long tickets = calls.stream().filter(c -> c.ticketId() != null).count();
        List<String> lines = List.of(text(locale, "report.facts.calls", calls.size(), calls.size() - unanswered,
                unanswered, tickets));
        Map<String, long[]> byChannel = new TreeMap<>();
        for (Call c : calls) {
            long[] counts = byChannel.computeIfAbsent(text(locale, "reporting.channel." + c.channel()), k -> new long[2]);
            counts[c.answered() ? 0 : 1]++;
        }
        List<List<String>> rows = new ArrayList<>();
        byChannel.forEach((channel, n) -> rows.add(List.of(channel, Long.toString(n[0] + n[1]), Long.toString(n[0]),
                Long.toString(n[1]))));
        return new Section("calls", text(locale, "report.facts.calls.title"), lines,
                List.of(text(locale, "reporting.call.channel"), text(locale, "report.facts.calls.total"),
                        text(locale, "reporting.call.answeredYes"), text(locale, "reporting.call.answeredNo")), rows);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
