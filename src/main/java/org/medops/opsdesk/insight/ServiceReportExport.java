package org.medops.opsdesk.insight;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.medops.identity.People;
import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.SystemNames;
import org.medops.opsdesk.sla.TargetKind;
import org.medops.shared.ListExport;
import org.springframework.stereotype.Component;

/**
 * The service report (服务报表) as one table of the figures the page shows, section by section: compliance by target,
 * month, priority, system and engineer, the two time distributions and the workload. Written through
 * {@link ListExport} (headers and labels from the bundles, audited as {@code reports.export}).
 */
@Component
class ServiceReportExport {

    /** One figure line; {@code group} is a message key when {@code groupIsKey}, else shown as is. */
    record Line(String sectionKey, String group, boolean groupIsKey, Long met, Long breached, Double percent,
                Long count, Double hours) {

        static Line compliance(String sectionKey, ServiceReports.Compliance c, String group, boolean isKey) {
            return new Line(sectionKey, group, isKey, c.met(), c.breached(), c.percent(), c.total(), null);
        }
    }

    private static final List<ListExport.Column<Line>> COLUMNS = List.of(
            ListExport.Column.label("reports.export.section", Line::sectionKey),
            ListExport.Column.composed("reports.export.group",
                    (line, label) -> line.groupIsKey() ? label.apply(line.group()) : line.group()),
            ListExport.Column.of("reports.met", Line::met),
            ListExport.Column.of("reports.breached", Line::breached),
            ListExport.Column.of("reports.export.percent", Line::percent),
            ListExport.Column.of("reports.export.count", Line::count),
            ListExport.Column.of("reports.hours", Line::hours));

    private final ServiceReports reports;
    private final ListExport export;
    private final HospitalZone zone;
    private final SystemNames systems;
    private final People people;

    ServiceReportExport(ServiceReports reports, ListExport export, HospitalZone zone, SystemNames systems,
                        People people) {
        this.reports = reports;
        this.export = export;
        this.zone = zone;
        this.systems = systems;
        this.people = people;
    }

    void write(ReportsApi.Period period, String format, Locale locale, HttpServletResponse response)
            throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        Map<String, List<String>> filter = new LinkedHashMap<>();
        filter.put("from", List.of(period.from().toLocalDate().toString()));
        filter.put("to", List.of(period.to().toLocalDate().toString()));
        export.write(chosen, new ListExport.Table<>("reports", COLUMNS, lines(period), filter), zone.get(), locale,
                response);
    }

    /** The page's figures in the page's order. */
    List<Line> lines(ReportsApi.Period period) {
        Instant from = period.from().toInstant();
        Instant to = period.to().toInstant();
        ZoneId hospital = zone.get();
        List<Line> lines = new ArrayList<>();
        compliance(lines, "reports.byKind", reports.compliance("kind", from, to, hospital), k -> "sla.kind." + k, true);
        compliance(lines, "reports.byMonth", reports.compliance("month", from, to, hospital), k -> k, false);
        compliance(lines, "reports.byPriority", reports.compliance("priority", from, to, hospital),
                k -> "ticket.priority." + k, true);
        compliance(lines, "reports.bySystem", reports.compliance("system", from, to, hospital), systems::name, false);
        compliance(lines, "reports.byEngineer", reports.compliance("engineer", from, to, hospital), people::name, false);
        for (ServiceReports.Bucket b : reports.distribution(TargetKind.RESPONSE, from, to)) {
            lines.add(new Line("reports.responseDistribution", b.label(), false, null, null, null, b.count(), null));
        }
        for (ServiceReports.Bucket b : reports.distribution(TargetKind.RESOLUTION, from, to)) {
            lines.add(new Line("reports.resolutionDistribution", b.label(), false, null, null, null, b.count(), null));
        }
        ServiceReports.WorkloadReport workload = reports.workload(from, to);
        workload(lines, "reports.export.workload.engineer", workload.byEngineer(), people::name, false);
        workload(lines, "reports.export.workload.system", workload.bySystem(), systems::name, false);
        workload(lines, "reports.export.workload.type", workload.byType(), k -> "reports.type." + k, true);
        return lines;
    }

    private static void compliance(List<Line> lines, String section, List<ServiceReports.Compliance> rows,
                                   Function<String, String> group, boolean isKey) {
        rows.forEach(c -> lines.add(Line.compliance(section, c, group.apply(c.key()), isKey)));
    }

    private static void workload(List<Line> lines, String section, List<ServiceReports.Workload> rows,
                                 Function<String, String> group, boolean isKey) {
        rows.forEach(w -> lines.add(new Line(section, group.apply(w.key()), isKey, null, null, null, w.items(),
                w.hours())));
    }
}
