package org.medops.opsdesk.tickets;

import org.medops.opsdesk.calendar.TimeBasis;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.SlaPolicies;
import org.medops.opsdesk.sla.SlaPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medops.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tickets for the API and the pages, with each clock's use measured at this moment. */
@Service
class TicketReader {

    private final Tickets tickets;
    private final TicketDesk desk;
    private final SlaPolicies policies;
    private final Attachments attachments;
    private final Clock clock;

    TicketReader(Tickets tickets, TicketDesk desk, SlaPolicies policies, Attachments attachments, Clock clock) {
        this.tickets = tickets;
        this.desk = desk;
        this.policies = policies;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** The ticket as of one of its cycles: the current one, or a closed one kept at a reopen. */
    @Transactional(readOnly = true)
    TicketView view(long id, Integer cycle) {
        TicketView current = view(id);
        if (cycle == null || cycle == current.current().number()) {
            return current;
        }
        return current.earlierCycles().stream().filter(c -> c.number() == cycle).findFirst().map(current::asOf)
                .orElseThrow(() -> ProblemException.notFound("ticket cycle", current.number() + "#" + cycle));
    }

    @Transactional(readOnly = true)
    TicketView view(long id) {
        Ticket t = tickets.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        SlaContext sla = desk.contextOf(t);
        Instant now = clock.instant();
        List<TicketView.ClockView> clocks = tickets.allClocks(id).stream().map(c -> {
            TimeBasis time = sla.time(c.basis());
            return new TicketView.ClockView(c.cycle(), c.kind(), c.basis(), c.target().toMinutes(), c.startedAt(),
                    c.dueAt(), c.elapsedAt(now, time).toMinutes(), c.paused().toMinutes(), c.percentUsedAt(now, time),
                    c.state(), c.stoppedAt(), c.breachedAt());
        }).toList();
        String recurrenceOf = t.recurrenceOf() == null ? null
                : tickets.earlier(t.recurrenceOf()).map(Ticket.Earlier::number).orElseThrow();
        SlaPolicy policy = policies.find(t.policyId()).orElseThrow();
        Ticket.Recurrence recurrence = t.recurrence();
        return new TicketView(t.id(), t.number(), t.report().shownIn(sla.calendar().zone()), policy.version(),
                policy.name(), t.status(), t.assignee(), t.cycle(), t.reportedAt(), recurrenceOf,
                recurrence == null ? null : recurrence.confirmedBy(), recurrence == null ? null : recurrence.confirmedAt(),
                t.alertId(), t.calendarWarning(), clocks, tickets.timeline(id), attachments.of(id),
                tickets.closedCycles(id));
    }
}
