package org.medops.opsdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carries out the steps of a ticket's lifecycle: loads it locked, lets it act, saves it and audits the step. */
@Service
class TicketDesk {

    /** Seed 000: a new fault on the same system and category within 15 days of a closure is a recurrence. */
    static final Duration RECURRENCE_WINDOW = Duration.ofDays(15);

    private final Tickets tickets;
    private final SlaPolicies policies;
    private final Calendars calendars;
    private final OpsdeskSystems systems;
    private final Attachments attachments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketDesk(Tickets tickets, SlaPolicies policies, Calendars calendars, OpsdeskSystems systems,
               Attachments attachments, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.policies = policies;
        this.calendars = calendars;
        this.systems = systems;
        this.attachments = attachments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    long report(FaultReport report, String by) {
        return report(report, by, null);
    }

    @Transactional
    long report(FaultReport report, String by, Long alertId) {
        systems.requireActive(report.systems());
        Instant at = clock.instant();
        if (report.occurredAt().toInstant().isAfter(at.plusSeconds(60))) {
            throw ProblemException.invalid("occurred-in-future");
        }
        SlaContext sla = context(policies.current(report.priority()));
        Long recurrenceOf = tickets.recentClosure(report.systems(), report.category(), at.minus(RECURRENCE_WINDOW), at)
                .orElse(null);
        Ticket ticket = Ticket.report(report, at, by, sla, recurrenceOf, alertId);
        ticket.calendarWarning(calendarWarning(ticket, sla));
        long id = tickets.insert(ticket);
        Ticket saved = tickets.find(id).orElseThrow();
        events.publishEvent(TicketAction.onTicket("ticket.report", saved,
                List.of(FieldChange.set("title", report.title()), FieldChange.set("priority", report.priority()),
                        FieldChange.set("systems", report.systems()), FieldChange.set("source", report.source()))));
        return id;
    }

    @Transactional
    void accept(long id, String engineer) {
        act(id, "ticket.accept", (t, sla, at) -> t.accept(engineer, at, sla), FieldChange.set("assignee", engineer));
    }

    @Transactional
    void startWork(long id, WorkMode mode, String engineer) {
        act(id, "ticket.start", (t, sla, at) -> t.startWork(mode, engineer, at, sla), FieldChange.set("mode", mode));
    }

    @Transactional
    void arrive(long id, Instant arrival, String engineer) {
        act(id, "ticket.arrive", (t, sla, at) -> t.arrive(arrival == null ? at : arrival, engineer, at, sla),
                FieldChange.set("arrivedAt", arrival));
    }

    @Transactional
    void awaitInformation(long id, String reason, String by) {
        act(id, "ticket.await-info", (t, sla, at) -> t.awaitInformation(reason, by, at, sla),
                FieldChange.set("reason", reason));
    }

    @Transactional
    void informationReceived(long id, String by) {
        act(id, "ticket.info-received", (t, sla, at) -> t.informationReceived(by, at, sla));
    }

    @Transactional
    void locate(long id, LocationReport report, String engineer) {
        act(id, "ticket.locate", (t, sla, at) -> t.locate(report, engineer, at, sla),
                FieldChange.set("rootCause", report.rootCause()));
    }

    @Transactional
    void fix(long id, String summary, String engineer) {
        act(id, "ticket.fix", (t, sla, at) -> t.fix(summary, engineer, at, sla), FieldChange.set("fix", summary));
    }

    @Transactional
    void confirm(long id, String username, String name, String statement) {
        act(id, "ticket.confirm", (t, sla, at) -> t.confirm(new Ticket.Confirmation(username, name, statement, at), sla),
                FieldChange.set("confirmedBy", name), FieldChange.set("statement", statement));
    }

    @Transactional
    void refuseConfirmation(long id, String reason, String by) {
        act(id, "ticket.confirm-refused", (t, sla, at) -> t.refuseConfirmation(reason, by, at, sla),
                FieldChange.set("reason", reason));
    }

    @Transactional
    void changePriority(long id, Priority priority, String reason, String by) {
        Ticket ticket = lock(id);
        Priority before = ticket.priority();
        SlaContext sla = context(policies.current(priority));
        ticket.changePriority(priority, reason, by, clock.instant(), sla);
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.priority", ticket,
                List.of(FieldChange.of("priority", before, priority), FieldChange.set("reason", reason))));
    }

    @Transactional
    void reopen(long id, String reason, String by) {
        act(id, "ticket.reopen", (t, sla, at) -> {
            t.reopen(reason, by, at, sla);
            t.calendarWarning(calendarWarning(t, sla));
        }, FieldChange.set("reason", reason));
    }

    @Transactional
    long attach(long id, String filename, byte[] content, String by) {
        Ticket ticket = lock(id);
        if (content.length > AttachmentType.MAX_BYTES) {
            throw ProblemException.invalid("attachment-too-large", filename, AttachmentType.MAX_BYTES / (1024 * 1024));
        }
        if (attachments.count(id) >= Attachments.MAX_PER_TICKET) {
            throw ProblemException.conflict("attachments-full", Attachments.MAX_PER_TICKET);
        }
        String name = filename == null ? "" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        AttachmentType type = AttachmentType.detect(name, content)
                .orElseThrow(() -> ProblemException.invalid("attachment-type", name));
        Instant at = clock.instant();
        long attachmentId = attachments.add(id, name, type, content, by, at);
        ticket.attached(name, by, at);
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.attach", ticket,
                List.of(FieldChange.set("file", name), FieldChange.set("bytes", content.length))));
        return attachmentId;
    }

    SlaContext contextOf(Ticket ticket) {
        return context(policies.find(ticket.policyId()).orElseThrow());
    }

    SlaContext currentContext(Priority priority) {
        return context(policies.current(priority));
    }

    private SlaContext context(SlaPolicy policy) {
        BusinessCalendar calendar = calendars.find(policy.calendarCode())
                .orElseThrow(() -> ProblemException.notFound("calendar", policy.calendarCode()));
        return new SlaContext(calendar, policy);
    }

    /** Names the years a due time was computed through without a holiday table, so nobody trusts it blindly. */
    private static String calendarWarning(Ticket ticket, SlaContext sla) {
        Instant latest = ticket.clocks().stream().map(SlaClock::dueAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(ticket.cycleStartedAt());
        SortedSet<Integer> missing = sla.calendar().missingYears(ticket.cycleStartedAt(), latest);
        return missing.isEmpty() ? null : missing.toString();
    }

    private Ticket lock(long id) {
        return tickets.lock(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    private void act(long id, String action, Step step, FieldChange... changes) {
        Ticket ticket = lock(id);
        step.apply(ticket, contextOf(ticket), clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket(action, ticket, List.of(changes)));
    }

    @FunctionalInterface
    private interface Step {
        void apply(Ticket ticket, SlaContext sla, Instant at);
    }
}
