package org.medops.opsdesk.insight;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.ServiceFigures;
import org.springframework.stereotype.Component;

/** The service report's published figures: the SLA compliance of {@link ServiceReports} and the period's counts. */
@Component
class InsightServiceFigures implements ServiceFigures {

    private final ServiceReports reports;
    private final PeriodFigures figures;
    private final HospitalZone zone;
    private final Clock clock;

    InsightServiceFigures(ServiceReports reports, PeriodFigures figures, HospitalZone zone, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Tickets tickets(Instant from, Instant to) {
        List<Compliance> byKind = compliance("kind", from, to).stream()
                .filter(c -> c.key().equals("RESPONSE") || c.key().equals("RESOLUTION")).toList();
        Compliance overall = new Compliance("ALL", byKind.stream().mapToLong(Compliance::met).sum(),
                byKind.stream().mapToLong(Compliance::breached).sum());
        return new Tickets(figures.ticketsReported(from, to), figures.ticketsClosed(from, to),
                figures.ticketsOpenAt(from, to), figures.ticketsBy("priority", from, to),
                figures.ticketsBy("system", from, to), figures.ticketsBy("category", from, to), overall,
                compliance("priority", from, to), compliance("system", from, to), compliance("category", from, to));
    }

    @Override
    public List<RecurringFault> recurringFaults(Instant from, Instant to, int limit) {
        return figures.recurringFaults(from, to, limit);
    }

    @Override
    public List<Outage> criticalOutages(Instant from, Instant to) {
        return figures.criticalOutages(from, to, clock.instant());
    }

    @Override
    public Progress requirements(Instant from, Instant to) {
        return figures.requirements(from, to);
    }

    @Override
    public Progress defects(Instant from, Instant to) {
        return figures.defects(from, to);
    }

    @Override
    public Progress changes(Instant from, Instant to) {
        return figures.changes(from, to);
    }

    private List<Compliance> compliance(String group, Instant from, Instant to) {
        return reports.compliance(group, from, to, zone.get()).stream()
                .map(c -> new Compliance(c.key(), c.met(), c.breached())).toList();
    }
}
