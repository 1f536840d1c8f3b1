package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.TargetKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.medops.opsdesk.HospitalZone;
import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: a quarter of past tickets worked through the real lifecycle at their own times, some late,
 * a few recurring, the last days' still open, so the register and the service reports show something.
 * The timeline comes from {@link DemoTimeline}; this only plays it through the domain and stores it.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoTickets implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);

    private final Tickets tickets;
    private final TicketDesk desk;
    private final HospitalZone zone;
    private final Clock clock;

    DemoTickets(Tickets tickets, TicketDesk desk, Clock clock, HospitalZone zone) {
        this.zone = zone;
        this.tickets = tickets;
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ops desk tickets";
    }

    @Override
    @Transactional
    public void seed() {
        if (tickets.count() > 0) {
            return;
        }
        List<DemoTimeline.DemoTicket> quarter = DemoTimeline.quarter(clock.instant(), zone.get(), this::resolutionTime);
        quarter.forEach(this::store);
        log.info("Demo: {} tickets over the last quarter", quarter.size());
    }

    private Instant resolutionTime(Priority priority, Instant reportedAt, double share) {
        SlaContext sla = desk.currentContext(priority);
        return sla.target(TargetKind.RESOLUTION, reportedAt)
                .map(target -> target.time(sla.calendar()).plus(reportedAt,
                        Duration.ofSeconds((long) (target.length().toSeconds() * share))))
                .orElse(reportedAt);
    }

    private void store(DemoTimeline.DemoTicket planned) {
        DemoTimeline.Fault fault = planned.fault();
        SlaContext sla = desk.currentContext(planned.priority());
        FaultReport report = new FaultReport(fault.title(), fault.phenomenon(),
                planned.occurredAt().atOffset(ZoneOffset.UTC), fault.impact(), List.of(fault.system()),
                fault.category(), null, "信息科值班", planned.contact(), planned.source(), planned.priority());
        Long recurrence = desk.recurrenceOf(report, planned.reportedAt());
        long id = tickets.insert(Ticket.report(report, planned.reportedAt(), DemoTimeline.REPORTER, sla, recurrence, null));
        Ticket ticket = tickets.find(id).orElseThrow();
        for (DemoTimeline.Step step : planned.steps()) {
            step.applyTo(ticket, planned, sla);
        }
        tickets.save(ticket);
    }
}
