package org.medops.opsdesk.tickets;

import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.BusinessCalendar;
import org.medops.opsdesk.calendar.Calendars;
import org.medops.opsdesk.sla.CalendarChanged;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.SlaPolicies;
import org.medops.opsdesk.sla.SlaPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.UploadedFileType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carries out the steps of a ticket's lifecycle: loads it locked, lets it act, saves it and audits the step. */
@Service
class TicketDesk {

    /**
     * Seed 000: a new fault within 15 days of a closure on the same system is a recurrence when it is the same
     * fault: the same category and a report that reads alike ({@link FaultSimilarity}).
     */
    static final Duration RECURRENCE_WINDOW = Duration.ofDays(15);

    private final Tickets tickets;
    private final SlaPolicies policies;
    private final Calendars calendars;
    private final OpsdeskSystems systems;
    private final Attachments attachments;
    private final ApplicationEventPublisher events;
    private final TicketReminders reminders;
    private final Clock clock;

    TicketDesk(Tickets tickets, SlaPolicies policies, Calendars calendars, OpsdeskSystems systems,
               Attachments attachments, ApplicationEventPublisher events, TicketReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.tickets = tickets;
        this.policies = policies;
        this.calendars = calendars;
        this.systems = systems;
        this.attachments = attachments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A fault that occurred more than a year ago is most likely a typo in the year: it is taken only when the
     * reporter confirms it ({@code confirmOld}), otherwise refused {@code occurred-long-ago}.
     */
    static final Duration OLD_OCCURRENCE = Duration.ofDays(365);

    @Transactional
    long report(FaultReport report, String by, boolean confirmOld) {
        if (!confirmOld && report.occurredAt() != null
                && report.occurredAt().toInstant().isBefore(clock.instant().minus(OLD_OCCURRENCE))) {
            throw ProblemException.invalid("occurred-long-ago");
        }
        return report(report, by, (Long) null);
    }

    @Transactional
    long report(FaultReport report, String by, Long alertId) {
        systems.requireActive(report.systems());
        Instant at = clock.instant();
        if (report.occurredAt().toInstant().isAfter(at.plusSeconds(60))) {
            throw ProblemException.invalid("occurred-in-future");
        }
        SlaContext sla = context(policies.current(report.priority()));
        Long recurrenceOf = recurrenceOf(report, at);
        Ticket ticket = Ticket.open(report, at, by, sla, recurrenceOf, alertId);
        ticket.checkCalendar(sla);
        long id = tickets.insert(ticket);
        Ticket saved = tickets.find(id).orElseThrow();
        events.publishEvent(TicketAction.onTicket("ticket.report", saved,
                List.of(FieldChange.set("title", report.title()), FieldChange.set("priority", report.priority()),
                        FieldChange.set("systems", report.systems()), FieldChange.set("source", report.source()))));
        return id;
    }

    /** The latest ticket closed in the 15 days before {@code at} whose fault this report repeats; null if none. */
    Long recurrenceOf(FaultReport report, Instant at) {
        FaultSimilarity fault = FaultSimilarity.of(report.title(), report.phenomenon());
        return tickets.recentClosures(report.systems(), report.category(), at.minus(RECURRENCE_WINDOW), at).stream()
                .filter(closed -> fault.sameFaultAs(FaultSimilarity.of(closed.title(), closed.phenomenon())))
                .map(Tickets.Closure::id).findFirst().orElse(null);
    }

    /**
     * Confirms the recurrence the desk found, or, given {@code earlierNumber}, links the ticket whose fault this
     * one repeats.
     */
    @Transactional
    void confirmRecurrence(long id, String earlierNumber, String by) {
        Ticket ticket = lock(id);
        Ticket.Earlier earlier;
        if (earlierNumber != null && !earlierNumber.isBlank()) {
            earlier = tickets.earlier(earlierNumber)
                    .orElseThrow(() -> ProblemException.notFound("ticket", earlierNumber.strip()));
        } else {
            earlier = ticket.recurrenceOf() == null ? null : tickets.earlier(ticket.recurrenceOf()).orElseThrow();
        }
        Long before = ticket.recurrenceOf();
        ticket.confirmRecurrence(earlier, by, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.recurrence-confirm", ticket,
                List.of(FieldChange.of("recurrenceOf", number(before), earlier.number()))));
    }

    @Transactional
    void clearRecurrence(long id, String reason, String by) {
        Ticket ticket = lock(id);
        String previous = number(ticket.recurrenceOf());
        ticket.clearRecurrence(previous, reason, by, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.recurrence-clear", ticket,
                List.of(FieldChange.of("recurrenceOf", previous, null), FieldChange.set("reason", reason))));
    }

    private String number(Long ticketId) {
        return ticketId == null ? null : tickets.earlier(ticketId).map(Ticket.Earlier::number).orElse(null);
    }

    @Transactional
    void accept(long id, String engineer) {
        act(id, "ticket.accept", (t, sla, at) -> t.accept(engineer, at, sla), FieldChange.set("assignee", engineer));
    }

    /** 派单: the manager gives a ticket to someone who holds the engineer's permission. */
    @Transactional
    void assign(long id, String engineer, String by) {
        String to = engineer(engineer);
        Ticket ticket = lock(id);
        String before = ticket.assignee();
        ticket.assign(to, by, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.assign", ticket,
                List.of(FieldChange.of("assignee", before, to))));
    }

    /** 批量派单: several tickets to one engineer, all or none. */
    @Transactional
    int assignAll(List<Long> ids, String engineer, String by) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("tickets-none-selected");
        }
        if (ids.size() > MAX_BULK) {
            throw ProblemException.invalid("tickets-too-many-selected", MAX_BULK);
        }
        for (long id : ids.stream().distinct().sorted().toList()) {
            assign(id, engineer, by);
        }
        return (int) ids.stream().distinct().count();
    }

    static final int MAX_BULK = 100;

    /**
     * 转派: the assignee hands the ticket on with a reason; the manager ({@code manager}) may move anyone's ticket.
     */
    @Transactional
    void transfer(long id, String engineer, String reason, String by, boolean manager) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason-missing");
        }
        String to = engineer(engineer);
        Ticket ticket = lock(id);
        String before = ticket.assignee();
        if (!manager && !by.equals(before)) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "ticket-transfer-not-yours",
                    ticket.number());
        }
        ticket.transfer(to, reason.strip(), by, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.transfer", ticket,
                List.of(FieldChange.of("assignee", before, to), FieldChange.set("reason", reason.strip()))));
    }

    /** 催办: an in-app message to the assignee, and a timeline entry. */
    @Transactional
    void remindAssignee(long id, String by) {
        Ticket ticket = lock(id);
        if (ticket.assignee() == null) {
            throw ProblemException.conflict("ticket-not-assigned", ticket.number());
        }
        ticket.reminded("REMINDED", ticket.assignee(), by, clock.instant());
        tickets.save(ticket);
        reminders.remindAssignee(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.remind", ticket,
                List.of(FieldChange.set("to", ticket.assignee()))));
    }

    /** 提醒院方确认: the repair waits for the hospital's confirmation; every confirmer gets an in-app message. */
    @Transactional
    int remindHospital(long id, String by) {
        Ticket ticket = lock(id);
        if (ticket.status() != TicketStatus.AWAITING_CONFIRMATION) {
            throw ProblemException.conflict("ticket-transition", ticket.number(), ticket.status(),
                    TicketStatus.AWAITING_CONFIRMATION);
        }
        List<String> to = reminders.remindConfirmers(ticket);
        ticket.reminded("CONFIRMATION_REMINDED", String.join(", ", to), by, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.remind-confirmation", ticket,
                List.of(FieldChange.set("to", String.join(",", to)))));
        return to.size();
    }

    private String engineer(String username) {
        if (username == null || username.isBlank()) {
            throw ProblemException.invalid("engineer-required");
        }
        String name = username.strip();
        if (!reminders.isEngineer(name)) {
            throw ProblemException.invalid("not-an-engineer", name);
        }
        return name;
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
        if (before == priority) {
            return;
        }
        SlaContext sla = context(policies.current(priority));
        ticket.changePriority(priority, reason, by, clock.instant(), sla);
        ticket.checkCalendar(sla);
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.priority", ticket,
                List.of(FieldChange.of("priority", before, priority), FieldChange.set("reason", reason))));
    }

    @Transactional
    void reopen(long id, String reason, String by) {
        act(id, "ticket.reopen", (t, sla, at) -> t.reopen(reason, by, at, sla), FieldChange.set("reason", reason));
    }

    @Transactional
    long attach(long id, String filename, byte[] content, String by) {
        Ticket ticket = lock(id);
        if (content.length > UploadedFileType.MAX_BYTES) {
            throw ProblemException.invalid("attachment-too-large", filename, UploadedFileType.MAX_BYTES / (1024 * 1024));
        }
        if (attachments.count(id) >= Attachments.MAX_PER_TICKET) {
            throw ProblemException.conflict("attachments-full", Attachments.MAX_PER_TICKET);
        }
        String name = UploadedFileType.safeName(filename);
        UploadedFileType type = UploadedFileType.detect(name, content)
                .orElseThrow(() -> ProblemException.invalid("attachment-type", name));
        Instant at = clock.instant();
        long attachmentId = attachments.add(id, name, type, content, by, at);
        ticket.attached(name, by, at);
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.attach", ticket,
                List.of(FieldChange.set("file", name), FieldChange.set("bytes", content.length))));
        return attachmentId;
    }

    /** A re-fired alert joins the open ticket of its rule and subject: a timeline note, audited. */
    @Transactional
    void alertRefired(long id, long alertId, String message) {
        Ticket ticket = lock(id);
        ticket.alertRefired(alertId, message, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket("ticket.alert-link", ticket,
                List.of(FieldChange.set("alert", alertId))));
    }

    /** A later inspection round found the ticket's check failing still, or passing again: a timeline note, audited. */
    @Transactional
    void inspected(long id, boolean failing, long roundId, String detail) {
        Ticket ticket = lock(id);
        ticket.inspected(failing, roundId, detail, clock.instant());
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket(failing ? "ticket.inspection-failing" : "ticket.inspection-passed",
                ticket, List.of(FieldChange.set("inspectionRound", roundId))));
    }

    SlaContext contextOf(Ticket ticket) {
        return context(policies.find(ticket.policyId()).orElseThrow());
    }

    @EventListener
    void on(CalendarChanged changed) {
        recalculate(changed.calendarCode(), changed.reason());
    }

    /** Recomputes the open tickets measured on a calendar after it changed; returns how many moved. */
    @Transactional
    int recalculate(String calendarCode, String reason) {
        int moved = 0;
        for (long id : tickets.openOnCalendar(calendarCode)) {
            Ticket ticket = lock(id);
            List<SlaClock> before = ticket.clocks();
            String warningBefore = ticket.calendarWarning();
            ticket.recalculate(contextOf(ticket), reason, clock.instant());
            if (!before.equals(ticket.clocks()) || !java.util.Objects.equals(warningBefore, ticket.calendarWarning())) {
                tickets.save(ticket);
                events.publishEvent(TicketAction.onTicket("ticket.sla-recalculated", ticket, List.of(
                        FieldChange.set("reason", reason), FieldChange.of("calendarWarning", warningBefore,
                                ticket.calendarWarning()))));
                moved++;
            }
        }
        return moved;
    }

    SlaContext currentContext(Priority priority) {
        return context(policies.current(priority));
    }

    private SlaContext context(SlaPolicy policy) {
        BusinessCalendar calendar = calendars.find(policy.calendarCode())
                .orElseThrow(() -> ProblemException.notFound("calendar", policy.calendarCode()));
        return new SlaContext(calendar, policy);
    }

    private Ticket lock(long id) {
        return tickets.lock(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    private void act(long id, String action, Step step, FieldChange... changes) {
        Ticket ticket = lock(id);
        SlaContext sla = contextOf(ticket);
        step.apply(ticket, sla, clock.instant());
        ticket.checkCalendar(sla);
        tickets.save(ticket);
        events.publishEvent(TicketAction.onTicket(action, ticket, List.of(changes)));
    }

    @FunctionalInterface
    private interface Step {
        void apply(Ticket ticket, SlaContext sla, Instant at);
    }
}
