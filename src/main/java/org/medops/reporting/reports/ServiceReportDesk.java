package org.medops.reporting.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medops.inspection.InspectionFigures;
import org.medops.inspection.InspectionRounds;
import org.medops.integration.IntegrationVolumes;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.ServiceFigures;
import org.medops.opsdesk.SystemNames;
import org.medops.reporting.ServiceReportContributor;
import org.medops.reporting.contracts.Contract;
import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a period's report from the other modules' published figures and the contributors' sections, and keeps its
 * suggestions. Nothing but the suggestions is stored: a report is computed whenever it is read, so a late
 * confirmation or a scorecard finalised after the quarter shows in it.
 */
@Service
class ServiceReportDesk {

    static final int MAX_SUGGESTIONS = 10_000;
    private static final int RECURRING_FAULTS = 10;
    private static final int FINDINGS = 20;
    private static final Logger log = LoggerFactory.getLogger(ServiceReportDesk.class);

    private final ServiceFigures opsdesk;
    private final ObjectProvider<InspectionFigures> inspection;
    private final ObjectProvider<InspectionRounds> plan;
    private final ObjectProvider<IntegrationVolumes> integration;
    private final ObjectProvider<ServiceReportContributor> contributors;
    private final Suggestions suggestions;
    private final HospitalZone zone;
    private final SystemNames systemNames;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Settings settings;

    ServiceReportDesk(ServiceFigures opsdesk, ObjectProvider<InspectionFigures> inspection,
                      ObjectProvider<InspectionRounds> plan, ObjectProvider<IntegrationVolumes> integration,
                      ObjectProvider<ServiceReportContributor> contributors, Suggestions suggestions,
                      HospitalZone zone, SystemNames systemNames, MessageSource messages,
                      ApplicationEventPublisher events, Clock clock, Settings settings) {
        this.settings = settings;
        this.opsdesk = opsdesk;
        this.inspection = inspection;
        this.plan = plan;
        this.integration = integration;
        this.contributors = contributors;
        this.suggestions = suggestions;
        this.zone = zone;
        this.systemNames = systemNames;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    ServiceReport report(ReportPeriod period, Locale locale) {
        ZoneId hospital = zone.get();
        Instant from = period.start(hospital);
        Instant to = period.end(hospital);
        ServiceFigures.Tickets tickets = opsdesk.tickets(from, to);
        List<ServiceFigures.Outage> outages = opsdesk.criticalOutages(from, to);
        InspectionFigures.Rounds rounds = inspection.getIfAvailable() == null ? null
                : inspection.getObject().rounds(from, to, FINDINGS, locale);
        IntegrationVolumes.Summary volumes = volumes(period, hospital, locale);
        List<ServiceReport.QuarterLine> quarters = period.annual()
                ? period.quarters().stream().map(q -> quarter(q, hospital, locale)).toList() : List.of();
        return new ServiceReport(period.toString(), period.annual() ? ServiceReport.Kind.YEAR : ServiceReport.Kind.QUARTER,
                period.first(), period.last(), period.runningOn(LocalDate.now(clock.withZone(hospital))),
                clock.instant(), tickets, opsdesk.recurringFaults(from, to, RECURRING_FAULTS), outages,
                outages.stream().mapToLong(ServiceFigures.Outage::minutes).sum(), opsdesk.requirements(from, to),
                opsdesk.defects(from, to), opsdesk.changes(from, to), rounds, planned(period, hospital), volumes,
                systems(tickets, outages),
                quarters, sections(period, locale), suggestions.of(period).orElse(ServiceReport.Suggestions.none()),
                terms(period));
    }

    private ServiceReport.ContractTerms terms(ReportPeriod period) {
        Contract c = period.contract();
        return c == null ? null : new ServiceReport.ContractTerms(c.year(), c.name(), settings.current().siteName(),
                c.vendor(), c.startsOn(), c.endsOn());
    }

    private ServiceReport.PlannedRounds planned(ReportPeriod period, ZoneId hospital) {
        InspectionRounds rounds = plan.getIfAvailable();
        if (rounds == null) {
            return null;
        }
        List<InspectionRounds.PlannedRound> planned = rounds.planned(period.first(), period.last(), hospital);
        return new ServiceReport.PlannedRounds(planned.size(),
                planned.stream().filter(r -> "DONE".equals(r.status())).count(),
                planned.stream().filter(InspectionRounds.PlannedRound::missed).count());
    }

    @Transactional
    ServiceReport.Suggestions editSuggestions(ReportPeriod period, SuggestionsEdit edit, String by) {
        String text = edit == null || edit.text() == null ? "" : edit.text().strip();
        if (text.length() > MAX_SUGGESTIONS) {
            throw ProblemException.invalid("report-suggestions-too-long", MAX_SUGGESTIONS);
        }
        ServiceReport.Suggestions before = suggestions.of(period).orElse(ServiceReport.Suggestions.none());
        int expected = edit == null || edit.version() == null ? before.version() : edit.version();
        if (expected != before.version() || !suggestions.save(period, text, expected, by, clock.instant())) {
            throw ProblemException.conflict("report-suggestions-changed", period.toString());
        }
        events.publishEvent(new SuggestionsEdited(period.toString(),
                List.of(FieldChange.of("reportSuggestions", before.text().isEmpty() ? null : before.text(), text))));
        return suggestions.of(period).orElseThrow();
    }

    /** Every contributor's sections, lower order first; one that fails says so instead of sinking the report. */
    private List<ServiceReportContributor.Section> sections(ReportPeriod period, Locale locale) {
        List<ServiceReportContributor> all = new ArrayList<>(contributors.stream().toList());
        all.sort(Comparator.comparingInt(ServiceReportContributor::order));
        List<ServiceReportContributor.Section> sections = new ArrayList<>();
        for (ServiceReportContributor contributor : all) {
            try {
                sections.addAll(contributor.sections(period.asContributorPeriod(), locale));
            } catch (RuntimeException e) {
                log.warn("service report {}: contributor {} failed", period, contributor.getClass().getName(), e);
                sections.add(new ServiceReportContributor.Section("unavailable",
                        messages.getMessage("servicereport.contributorFailed", null, locale),
                        List.of(messages.getMessage("servicereport.contributorFailedLine", null, locale)), List.of(),
                        List.of()));
            }
        }
        return sections;
    }

    private IntegrationVolumes.Summary volumes(ReportPeriod period, ZoneId hospital, Locale locale) {
        IntegrationVolumes engine = integration.getIfAvailable();
        return engine == null ? null : engine.between(period.first(), period.last(), hospital, locale);
    }

    private ServiceReport.QuarterLine quarter(ReportPeriod quarter, ZoneId hospital, Locale locale) {
        Instant from = quarter.start(hospital);
        Instant to = quarter.end(hospital);
        ServiceFigures.Tickets t = opsdesk.tickets(from, to);
        InspectionFigures.Rounds rounds = inspection.getIfAvailable() == null ? null
                : inspection.getObject().rounds(from, to, 0, locale);
        IntegrationVolumes.Summary volumes = volumes(quarter, hospital, locale);
        return new ServiceReport.QuarterLine(quarter.toString(), t.reported(), t.closed(),
                t.overall().total() == 0 ? null : t.overall().percent(),
                opsdesk.criticalOutages(from, to).stream().mapToLong(ServiceFigures.Outage::minutes).sum(),
                opsdesk.requirements(from, to).handled(), opsdesk.defects(from, to).handled(),
                opsdesk.changes(from, to).handled(), rounds == null ? 0 : rounds.rounds(),
                rounds == null ? 0 : rounds.fail() + rounds.error() + rounds.warn(),
                volumes == null ? 0 : volumes.received(), volumes == null ? 0 : volumes.errored());
    }

    /** Each system with tickets in the period: how many, their compliance and the outage minutes it suffered. */
    private List<ServiceReport.SystemStatus> systems(ServiceFigures.Tickets tickets, List<ServiceFigures.Outage> outages) {
        Map<String, ServiceFigures.Compliance> compliance = new HashMap<>();
        tickets.complianceBySystem().forEach(c -> compliance.put(c.key(), c));
        Map<String, Long> minutes = new HashMap<>();
        outages.forEach(o -> o.systems().forEach(s -> minutes.merge(s, o.minutes(), Long::sum)));
        Map<String, Long> counts = new LinkedHashMap<>();
        tickets.bySystem().forEach(c -> counts.put(c.key(), c.count()));
        minutes.keySet().forEach(s -> counts.putIfAbsent(s, 0L));
        List<ServiceReport.SystemStatus> systems = new ArrayList<>();
        counts.forEach((code, count) -> {
            ServiceFigures.Compliance c = compliance.getOrDefault(code, new ServiceFigures.Compliance(code, 0, 0));
            systems.add(new ServiceReport.SystemStatus(code, systemNames.name(code), count, c.met(), c.breached(),
                    c.percent(), minutes.getOrDefault(code, 0L)));
        });
        return systems;
    }
}
