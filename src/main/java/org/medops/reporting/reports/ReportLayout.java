package org.medops.reporting.reports;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.medops.identity.People;
import org.medops.inspection.InspectionFigures;
import org.medops.integration.IntegrationVolumes;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.ServiceFigures;
import org.medops.opsdesk.SystemNames;
import org.medops.reporting.ServiceReportContributor.Section;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays a report's figures out as blocks in the reader's language: the overview, (for a year) the quarters side by
 * side and the problems handled, tickets by priority, system and category with their SLA compliance, recurring
 * faults, outages, requirements, defects, changes, inspections, integration, then the contributors' sections and
 * last the suggestions. Every output prints these same blocks, so the page, the PDF, Word and Excel agree.
 */
@Component
class ReportLayout {

    /** A figure that does not exist for the period (no SLA clock finished, no latency measured). */
    private static final String NONE = "—";

    private final MessageSource messages;
    private final SystemNames systems;
    private final HospitalZone zone;
    private final People people;

    ReportLayout(MessageSource messages, SystemNames systems, HospitalZone zone, People people) {
        this.messages = messages;
        this.systems = systems;
        this.zone = zone;
        this.people = people;
    }

    String title(ServiceReport r, Locale locale) {
        if (r.contract() != null) {
            String period = r.kind() == ServiceReport.Kind.YEAR ? String.valueOf(r.contract().year())
                    : r.period().substring(r.period().indexOf(':') + 1);
            return t(locale, "servicereport.contract.title." + r.kind(), r.contract().name(), period);
        }
        return r.kind() == ServiceReport.Kind.YEAR ? t(locale, "servicereport.title.YEAR", r.period())
                : t(locale, "servicereport.title.QUARTER", r.period());
    }

    List<ReportBlock> blocks(ServiceReport r, Locale locale) {
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(overview(r, locale));
        if (r.kind() == ServiceReport.Kind.YEAR) {
            blocks.add(quarters(r, locale));
            blocks.add(handled(r, locale));
        }
        blocks.add(priorities(r, locale));
        blocks.add(systemStatus(r, locale));
        blocks.add(categories(r, locale));
        blocks.add(recurring(r, locale));
        blocks.add(outages(r, locale));
        blocks.add(progress("requirements", r.requirements(), "requirements.status.", locale));
        blocks.add(progress("defects", r.defects(), "defects.status.", locale));
        blocks.add(progress("changes", r.changes(), "changes.status.", locale));
        if (r.inspections() != null) {
            blocks.add(inspections(r.inspections(), locale));
        }
        if (r.integration() != null) {
            blocks.add(integration(r.integration(), locale));
        }
        r.sections().forEach(s -> blocks.add(new ReportBlock(s, null)));
        blocks.add(suggestions(r, locale));
        return blocks;
    }

    private ReportBlock overview(ServiceReport r, Locale locale) {
        ServiceFigures.Tickets t = r.tickets();
        List<String> lines = new ArrayList<>();
        if (r.contract() != null) {
            ServiceReport.ContractTerms c = r.contract();
            lines.add(t(locale, "servicereport.contract.line", c.name(), String.valueOf(c.year()), c.startsOn(), c.endsOn()));
            lines.add(t(locale, "servicereport.contract.parties", c.hospital(), c.vendor()));
        }
        lines.add(t(locale, "servicereport.overview.period", r.first(), r.last()));
        if (r.running()) {
            lines.add(t(locale, "servicereport.overview.running"));
        }
        lines.add(t(locale, "servicereport.overview.tickets", t.reported(), t.closed(), t.open()));
        lines.add(t(locale, "servicereport.overview.sla", compliance(t.overall().total(), t.overall().percent()), t.overall().met(),
                t.overall().breached()));
        lines.add(t(locale, "servicereport.overview.outages", r.outages().size(), r.outageMinutes()));
        lines.add(t(locale, "servicereport.overview.work", r.requirements().handled(), r.defects().handled(),
                r.changes().handled()));
        if (r.inspections() != null) {
            lines.add(t(locale, "servicereport.overview.inspections", r.inspections().rounds(),
                    r.inspections().fail() + r.inspections().error(), r.inspections().warn()));
        }
        if (r.plannedRounds() != null && r.plannedRounds().planned() > 0) {
            lines.add(t(locale, "servicereport.overview.plannedRounds", r.plannedRounds().planned(),
                    r.plannedRounds().done(), r.plannedRounds().missed()));
        }
        if (r.integration() != null) {
            lines.add(t(locale, "servicereport.overview.integration", r.integration().received(),
                    r.integration().errored(), percent(r.integration().errorShare())));
        }
        lines.add(t(locale, "servicereport.overview.generated", minutes(r.generatedAt())));
        return block("overview", t(locale, "servicereport.section.overview"), lines, List.of(), List.of(), null);
    }

    private ReportBlock quarters(ServiceReport r, Locale locale) {
        List<String> header = List.of(t(locale, "servicereport.col.quarter"), t(locale, "servicereport.col.reported"),
                t(locale, "servicereport.col.closed"), t(locale, "servicereport.col.compliance"),
                t(locale, "servicereport.col.outageMinutes"), t(locale, "servicereport.col.requirementsAnswered"),
                t(locale, "servicereport.col.defectsClosed"), t(locale, "servicereport.col.changesDone"),
                t(locale, "servicereport.col.rounds"), t(locale, "servicereport.col.findings"),
                t(locale, "servicereport.col.messages"), t(locale, "servicereport.col.messageErrors"));
        List<List<String>> rows = r.quarters().stream().map(q -> List.of(q.period(), n(q.reported()), n(q.closed()),
                q.compliancePercent() == null ? NONE : percent(q.compliancePercent()), n(q.outageMinutes()),
                n(q.requirementsAnswered()), n(q.defectsClosed()),
                n(q.changesDone()), n(q.inspectionRounds()), n(q.inspectionFindings()), n(q.messagesReceived()),
                n(q.messagesErrored()))).toList();
        ReportBlock.Chart chart = new ReportBlock.Chart(t(locale, "servicereport.chart.quarters"),
                r.quarters().stream().map(ServiceReport.QuarterLine::period).toList(),
                List.of(series(t(locale, "servicereport.col.reported"), r.quarters(), q -> (double) q.reported()),
                        series(t(locale, "servicereport.col.closed"), r.quarters(), q -> (double) q.closed())),
                t(locale, "servicereport.unit.tickets"));
        return block("quarters", t(locale, "servicereport.section.quarters"), List.of(), header, rows, chart);
    }

    private ReportBlock handled(ServiceReport r, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(t(locale, "servicereport.handled.tickets", r.tickets().closed(), r.recurringFaults().size()));
        lines.add(t(locale, "servicereport.handled.requirements", r.requirements().opened(),
                r.requirements().handled(), r.requirements().open()));
        lines.add(t(locale, "servicereport.handled.defects", r.defects().opened(), r.defects().handled(),
                r.defects().open()));
        lines.add(t(locale, "servicereport.handled.changes", r.changes().opened(), r.changes().handled()));
        return block("handled", t(locale, "servicereport.section.handled"), lines, List.of(), List.of(), null);
    }

    private ReportBlock priorities(ServiceReport r, Locale locale) {
        ServiceFigures.Tickets t = r.tickets();
        List<List<String>> rows = new ArrayList<>();
        for (ServiceFigures.Count c : t.byPriority()) {
            ServiceFigures.Compliance k = find(t.complianceByPriority(), c.key());
            rows.add(List.of(label(locale, "ticket.priority.", c.key()), n(c.count()), n(k.met()), n(k.breached()),
                    compliance(k.total(), k.percent())));
        }
        ReportBlock.Chart chart = new ReportBlock.Chart(t(locale, "servicereport.chart.priorities"),
                t.byPriority().stream().map(c -> label(locale, "ticket.priority.", c.key())).toList(),
                List.of(new ReportBlock.Series(t(locale, "servicereport.col.tickets"),
                        t.byPriority().stream().map(c -> (double) c.count()).toList())),
                t(locale, "servicereport.unit.tickets"));
        return block("tickets-priority", t(locale, "servicereport.section.priorities"),
                t.byPriority().isEmpty() ? List.of(t(locale, "servicereport.none")) : List.of(),
                complianceHeader(locale, "servicereport.col.priority"), rows, chart);
    }

    private ReportBlock systemStatus(ServiceReport r, Locale locale) {
        List<String> header = new ArrayList<>(complianceHeader(locale, "servicereport.col.system"));
        header.add(t(locale, "servicereport.col.outageMinutes"));
        List<List<String>> rows = r.systems().stream().map(s -> List.of(s.name(), n(s.tickets()), n(s.met()),
                n(s.breached()), compliance(s.met() + s.breached(), s.compliancePercent()), n(s.outageMinutes()))).toList();
        ReportBlock.Chart chart = new ReportBlock.Chart(t(locale, "servicereport.chart.systems"),
                r.systems().stream().map(ServiceReport.SystemStatus::name).toList(),
                List.of(new ReportBlock.Series(t(locale, "servicereport.col.tickets"),
                        r.systems().stream().map(s -> (double) s.tickets()).toList())),
                t(locale, "servicereport.unit.tickets"));
        return block("systems", t(locale, r.kind() == ServiceReport.Kind.YEAR ? "servicereport.section.systemsYear"
                        : "servicereport.section.systems"),
                r.systems().isEmpty() ? List.of(t(locale, "servicereport.none")) : List.of(), header, rows, chart);
    }

    private ReportBlock categories(ServiceReport r, Locale locale) {
        ServiceFigures.Tickets t = r.tickets();
        List<List<String>> rows = new ArrayList<>();
        for (ServiceFigures.Count c : t.byCategory()) {
            ServiceFigures.Compliance k = find(t.complianceByCategory(), c.key());
            rows.add(List.of(label(locale, "ticket.category.", c.key()), n(c.count()), n(k.met()), n(k.breached()),
                    compliance(k.total(), k.percent())));
        }
        return block("tickets-category", t(locale, "servicereport.section.categories"),
                t.byCategory().isEmpty() ? List.of(t(locale, "servicereport.none")) : List.of(),
                complianceHeader(locale, "servicereport.col.category"), rows, null);
    }

    private ReportBlock recurring(ServiceReport r, Locale locale) {
        List<String> header = List.of(t(locale, "servicereport.col.ticket"), t(locale, "servicereport.col.title"),
                t(locale, "servicereport.col.system"), t(locale, "servicereport.col.category"),
                t(locale, "servicereport.col.occurrences"), t(locale, "servicereport.col.recurrences"));
        List<List<String>> rows = r.recurringFaults().stream().map(f -> List.of(f.number(), f.title(),
                systems.name(f.system()), label(locale, "ticket.category.", f.category()), n(f.occurrences()),
                n(f.recurrences()))).toList();
        return block("recurring", t(locale, "servicereport.section.recurring"),
                rows.isEmpty() ? List.of(t(locale, "servicereport.recurring.none")) : List.of(), header, rows, null);
    }

    private ReportBlock outages(ServiceReport r, Locale locale) {
        List<String> header = List.of(t(locale, "servicereport.col.ticket"), t(locale, "servicereport.col.title"),
                t(locale, "servicereport.col.system"), t(locale, "servicereport.col.occurredAt"),
                t(locale, "servicereport.col.restoredAt"), t(locale, "servicereport.col.outageMinutes"));
        List<List<String>> rows = r.outages().stream().map(o -> List.of(o.number(), o.title(),
                systems.names(o.systems()), minutes(o.occurredAt()),
                o.restoredAt() == null ? t(locale, "servicereport.notRestored") : minutes(o.restoredAt()),
                n(o.minutes()))).toList();
        List<String> lines = List.of(rows.isEmpty() ? t(locale, "servicereport.outages.none")
                : t(locale, "servicereport.outages.total", r.outages().size(), r.outageMinutes()));
        return block("outages", t(locale, "servicereport.section.outages"), lines, header, rows, null);
    }

    private ReportBlock progress(String code, ServiceFigures.Progress p, String statusPrefix, Locale locale) {
        List<String> lines = List.of(t(locale, "servicereport." + code + ".line", p.opened(), p.handled(), p.open()));
        List<List<String>> rows = p.byStatus().stream().map(c -> List.of(c.key().startsWith("result.")
                ? label(locale, "changes.", c.key()) : label(locale, statusPrefix, c.key()), n(c.count()))).toList();
        ReportBlock.Chart chart = rows.isEmpty() ? null : new ReportBlock.Chart(
                t(locale, "servicereport.chart." + code), rows.stream().map(row -> row.get(0)).toList(),
                List.of(new ReportBlock.Series(t(locale, "servicereport.col.count"),
                        p.byStatus().stream().map(c -> (double) c.count()).toList())),
                t(locale, "servicereport.unit.items"));
        return block(code, t(locale, "servicereport.section." + code), lines,
                List.of(t(locale, "servicereport.col.status"), t(locale, "servicereport.col.count")), rows, chart);
    }

    private ReportBlock inspections(InspectionFigures.Rounds i, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(t(locale, "servicereport.inspections.line", i.rounds(), i.finished(), i.signedReports()));
        lines.add(t(locale, "servicereport.inspections.items", i.items(), i.pass(), i.warn(), i.fail(), i.error()));
        for (InspectionFigures.TemplateCount c : i.byTemplate()) {
            lines.add(label(locale, "inspection.template.", c.template()) + "：" + n(c.rounds()));
        }
        if (i.findings().isEmpty()) {
            lines.add(t(locale, "servicereport.inspections.noFindings"));
        }
        List<String> header = List.of(t(locale, "servicereport.col.target"), t(locale, "servicereport.col.check"),
                t(locale, "servicereport.col.result"), t(locale, "servicereport.col.value"),
                t(locale, "servicereport.col.checkedAt"));
        List<List<String>> rows = i.findings().stream().map(f -> List.of(f.target(), f.check(),
                label(locale, "inspection.report.result.", f.result()), f.value() == null ? NONE : f.value(),
                minutes(f.checkedAt()))).toList();
        List<String> results = List.of("PASS", "WARN", "FAIL", "ERROR");
        ReportBlock.Chart chart = new ReportBlock.Chart(t(locale, "servicereport.chart.inspections"),
                results.stream().map(k -> label(locale, "inspection.report.result.", k)).toList(),
                List.of(new ReportBlock.Series(t(locale, "servicereport.col.count"),
                        List.of((double) i.pass(), (double) i.warn(), (double) i.fail(), (double) i.error()))),
                t(locale, "servicereport.unit.items"));
        return block("inspections", t(locale, "servicereport.section.inspections"), lines, header, rows, chart);
    }

    private ReportBlock integration(IntegrationVolumes.Summary v, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(t(locale, "servicereport.integration.line", v.received(), v.sent(), v.errored(),
                percent(v.errorShare()), v.meanLatencyMillis() == null ? NONE : v.meanLatencyMillis(),
                v.p95LatencyMillis() == null ? NONE : v.p95LatencyMillis()));
        if (v.summary() != null && !v.summary().isBlank()) {
            lines.add(v.summary());
        }
        List<String> header = List.of(t(locale, "servicereport.col.channel"), t(locale, "servicereport.col.received"),
                t(locale, "servicereport.col.sent"), t(locale, "servicereport.col.errored"),
                t(locale, "servicereport.col.errorShare"), t(locale, "servicereport.col.latency"));
        List<List<String>> rows = v.channels().stream().map(c -> List.of(c.code(), n(c.received()), n(c.sent()),
                n(c.errored()), percent(c.errorShare()),
                c.meanLatencyMillis() == null ? NONE : String.valueOf(c.meanLatencyMillis()))).toList();
        List<IntegrationVolumes.Channel> top = v.channels().stream().limit(10).toList();
        ReportBlock.Chart chart = new ReportBlock.Chart(t(locale, "servicereport.chart.integration"),
                top.stream().map(IntegrationVolumes.Channel::code).toList(),
                List.of(series(t(locale, "servicereport.col.received"), top, c -> (double) c.received()),
                        series(t(locale, "servicereport.col.errored"), top, c -> (double) c.errored())),
                t(locale, "servicereport.unit.messages"));
        return block("integration", t(locale, "servicereport.section.integration"), lines, header, rows, chart);
    }

    private ReportBlock suggestions(ServiceReport r, Locale locale) {
        ServiceReport.Suggestions s = r.suggestions();
        List<String> lines = new ArrayList<>();
        if (s.text().isBlank()) {
            lines.add(t(locale, "servicereport.suggestions.empty"));
        } else {
            lines.addAll(List.of(s.text().split("\\R")));
            lines.add(t(locale, "servicereport.suggestions.by", people.name(s.updatedBy()),
                    minutes(s.updatedAt())));
        }
        return block("suggestions", t(locale, r.kind() == ServiceReport.Kind.YEAR ? "servicereport.section.adviceYear"
                : "servicereport.section.suggestions"), lines, List.of(), List.of(), null);
    }

    private List<String> complianceHeader(Locale locale, String first) {
        return List.of(t(locale, first), t(locale, "servicereport.col.tickets"), t(locale, "servicereport.col.met"),
                t(locale, "servicereport.col.breached"), t(locale, "servicereport.col.compliance"));
    }

    private static ServiceFigures.Compliance find(List<ServiceFigures.Compliance> all, String key) {
        return all.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElse(new ServiceFigures.Compliance(key, 0, 0));
    }

    private static <T> ReportBlock.Series series(String name, List<T> items, Function<T, Double> value) {
        return new ReportBlock.Series(name, items.stream().map(value).toList());
    }

    private static ReportBlock block(String code, String title, List<String> lines, List<String> header,
                                     List<List<String>> rows, ReportBlock.Chart chart) {
        return new ReportBlock(new Section(code, title, lines, header, rows), chart == null || chart.empty() ? null : chart);
    }

    private String label(Locale locale, String prefix, String code) {
        return code == null ? NONE : messages.getMessage(prefix + code, null, code, locale);
    }

    private String minutes(Instant at) {
        return at == null ? NONE : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone.get()).format(at);
    }

    private static String n(long value) {
        return String.valueOf(value);
    }

    /** No SLA clock finished: no rate to report, rather than a perfect one. */
    private static String compliance(long finished, double percent) {
        return finished == 0 ? NONE : percent(percent);
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) + "%" : value + "%";
    }

    private String t(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
