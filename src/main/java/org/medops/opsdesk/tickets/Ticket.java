package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.TimeBasis;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.Escalation;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.TargetKind;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.medops.shared.ProblemException;

/**
 * A fault ticket (工单) and the SLA clocks of its current cycle. Each step checks the status it may be
 * taken from, moves the clocks the step affects and writes a timeline line; the desk saves the result.
 */
final class Ticket {

    private static final Set<TicketStatus> WORKING = Set.of(TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS,
            TicketStatus.LOCATED);

    private final long id;
    private final String number;
    private FaultReport report;
    private final Reported reported;
    private Terms terms;
    private TicketStatus status;
    private TicketStatus statusBeforeWait;
    private String assignee;
    private Cycle cycle;
    private Recurrence recurrence;
    private String calendarWarning;
    private final List<SlaClock> clocks;
    private final List<TimelineEntry> newEntries = new ArrayList<>();
    private Cycle archived;

    Ticket(long id, String number, FaultReport report, Reported reported, Terms terms, Standing standing, Cycle cycle,
           Recurrence recurrence, String calendarWarning, List<SlaClock> clocks) {
        this.id = id;
        this.number = number;
        this.report = report;
        this.reported = reported;
        this.terms = terms;
        this.status = standing.status();
        this.statusBeforeWait = standing.beforeWait();
        this.assignee = standing.assignee();
        this.cycle = cycle;
        this.recurrence = recurrence;
        this.calendarWarning = calendarWarning;
        this.clocks = new ArrayList<>(clocks);
    }

    /** When the fault was reported, by whom, and the alert it came from (null when a person reported it). */
    record Reported(Instant at, String by, Long alertId) {
    }

    /** What the ticket is measured by: the SLA policy of its priority and the calendar that policy counts on. */
    record Terms(long policyId, String calendarCode) {
        static Terms of(SlaContext sla) {
            return new Terms(sla.policy().id(), sla.calendar().code());
        }
    }

    /** Where the ticket stands: its status, the one a wait for information returns to, and who has it. */
    record Standing(TicketStatus status, TicketStatus beforeWait, String assignee) {
    }

    /**
     * One cycle of the ticket, from the report (or a reopen) to the hospital's sign-off: how it was worked, what the
     * location found, the repair and the confirmation. A reopen archives the cycle as it was signed and starts the
     * next. In the API a cycle's number is {@code cycle}; its start is internal (the clocks show it).
     */
    record Cycle(@JsonProperty("cycle") int number, @JsonIgnore Instant startedAt, WorkMode workMode,
                 Instant arrivedAt, LocationReport location, Instant locatedAt, String locatedBy, String fixSummary,
                 Instant fixedAt, String fixedBy, Confirmation confirmation, Instant closedAt) {

        static Cycle first(Instant at) {
            return started(1, at);
        }

        Cycle next(Instant at) {
            return started(number + 1, at);
        }

        private static Cycle started(int number, Instant at) {
            return new Cycle(number, at, null, null, null, null, null, null, null, null, null, null);
        }

        Cycle worked(WorkMode mode) {
            return new Cycle(number, startedAt, mode, arrivedAt, location, locatedAt, locatedBy, fixSummary, fixedAt,
                    fixedBy, confirmation, closedAt);
        }

        Cycle arrived(Instant at) {
            return new Cycle(number, startedAt, workMode, at, location, locatedAt, locatedBy, fixSummary, fixedAt,
                    fixedBy, confirmation, closedAt);
        }

        Cycle located(LocationReport report, Instant at, String by) {
            return new Cycle(number, startedAt, workMode, arrivedAt, report, at, by, fixSummary, fixedAt, fixedBy,
                    confirmation, closedAt);
        }

        Cycle fixed(String summary, Instant at, String by) {
            return new Cycle(number, startedAt, workMode, arrivedAt, location, locatedAt, locatedBy, summary, at, by,
                    confirmation, closedAt);
        }

        Cycle closed(Confirmation signed) {
            return new Cycle(number, startedAt, workMode, arrivedAt, location, locatedAt, locatedBy, fixSummary, fixedAt,
                    fixedBy, signed, signed.at());
        }

        /** On site and not there yet: the fix waits for the arrival. */
        boolean awaitingArrival() {
            return workMode == WorkMode.ONSITE && arrivedAt == null;
        }
    }

    /** The hospital's signed-off repair (故障修复确认单): who, their name as signed, and their statement. */
    record Confirmation(String username, String name, String statement, Instant at) {
    }

    /**
     * This fault repeats the one of an earlier ticket, closed shortly before (found at the report, or linked by an
     * engineer); {@code confirmedBy} is the engineer who confirmed it, null while only the desk's guess.
     */
    record Recurrence(long of, String confirmedBy, Instant confirmedAt) {
    }

    /** The earlier ticket a recurrence points at, as the desk found it. */
    record Earlier(long id, String number, Instant reportedAt) {
    }

    /** A new ticket for a reported fault: the first cycle starts with its response and resolution clocks. */
    static Ticket open(FaultReport report, Instant at, String by, SlaContext sla, Long recurrenceOf, Long alertId) {
        Ticket ticket = new Ticket(0, null, report, new Reported(at, by, alertId), Terms.of(sla),
                new Standing(TicketStatus.NEW, null, null), Cycle.first(at),
                recurrenceOf == null ? null : new Recurrence(recurrenceOf, null, null), null, List.of());
        ticket.startCycleClocks(at, sla);
        ticket.note(at, by, "REPORTED", report.source() + (recurrenceOf != null ? " · recurrence" : ""));
        return ticket;
    }

    /**
     * An engineer's word on the recurrence tag: confirms the earlier ticket the desk found or links another by
     * hand. {@code earlier} is null when there is neither.
     */
    void confirmRecurrence(Earlier earlier, String by, Instant at) {
        if (earlier == null) {
            throw ProblemException.conflict("ticket-recurrence-missing", number);
        }
        if (earlier.id() == id || !earlier.reportedAt().isBefore(reported.at())) {
            throw ProblemException.invalid("ticket-recurrence-invalid", number, earlier.number());
        }
        recurrence = new Recurrence(earlier.id(), by, at);
        note(at, by, "RECURRENCE_CONFIRMED", earlier.number());
    }

    /** Not a recurrence after all (another fault, or not the same system): the tag goes, the timeline says why. */
    void clearRecurrence(String previousNumber, String reason, String by, Instant at) {
        if (recurrence == null) {
            throw ProblemException.conflict("ticket-recurrence-missing", number);
        }
        recurrence = null;
        note(at, by, "RECURRENCE_CLEARED", previousNumber + (reason == null || reason.isBlank() ? "" : "：" + reason.strip()));
    }

    void accept(String engineer, Instant at, SlaContext sla) {
        require(TicketStatus.NEW);
        status = TicketStatus.ACCEPTED;
        assignee = engineer;
        stop(TargetKind.RESPONSE, at, sla);
        sla.target(TargetKind.LOCATION, cycle.startedAt()).ifPresent(target ->
                clocks.add(SlaClock.start(id, cycle.number(), TargetKind.LOCATION, target, at, target.time(sla.calendar()))));
        note(at, engineer, "ACCEPTED", "");
    }

    /** The manager gives the ticket to an engineer (派单); the clocks run on, the engineer still accepts a new one. */
    void assign(String engineer, String by, Instant at) {
        requireOpen();
        if (engineer.equals(assignee)) {
            throw ProblemException.conflict("ticket-already-assigned", number, engineer);
        }
        String before = assignee;
        assignee = engineer;
        note(at, by, "ASSIGNED", before == null ? engineer : before + " → " + engineer);
    }

    /** The assignee (or the manager) hands the ticket on to another engineer (转派), saying why. */
    void transfer(String engineer, String reason, String by, Instant at) {
        requireOpen();
        if (assignee == null) {
            throw ProblemException.conflict("ticket-not-assigned", number);
        }
        if (engineer.equals(assignee)) {
            throw ProblemException.conflict("ticket-already-assigned", number, engineer);
        }
        String before = assignee;
        assignee = engineer;
        note(at, by, "TRANSFERRED", before + " → " + engineer + "：" + reason);
    }

    /** A reminder went out (催办): to the assignee, or to the hospital for a confirmation that waits. */
    void reminded(String kind, String to, String by, Instant at) {
        requireOpen();
        note(at, by, kind, to);
    }

    private void requireOpen() {
        if (status == TicketStatus.CLOSED) {
            throw ProblemException.conflict("ticket-closed", number);
        }
    }

    void startWork(WorkMode mode, String engineer, Instant at, SlaContext sla) {
        require(TicketStatus.ACCEPTED);
        status = TicketStatus.IN_PROGRESS;
        cycle = cycle.worked(mode);
        if (mode == WorkMode.ONSITE) {
            // On-site arrival is promised from the report (seed 001: on site within 2 h of the call), less the
            // time spent waiting for the hospital, which the resolution clock (same start) has kept out.
            sla.target(TargetKind.ARRIVAL, cycle.startedAt()).ifPresent(target -> {
                TimeBasis time = target.time(sla.calendar());
                SlaClock arrival = clock(TargetKind.RESOLUTION).filter(r -> r.basis() == target.basis())
                        .map(r -> SlaClock.takingOver(id, cycle.number(), TargetKind.ARRIVAL, target, r, at, time))
                        .orElseGet(() -> SlaClock.start(id, cycle.number(), TargetKind.ARRIVAL, target,
                                cycle.startedAt(), time));
                clocks.add(arrival.noteBreach(at));
            });
        }
        note(at, engineer, "IN_PROGRESS", mode.name());
    }

    void arrive(Instant arrival, String engineer, Instant at, SlaContext sla) {
        if (!cycle.awaitingArrival() || !WORKING.contains(status)) {
            throw ProblemException.conflict("ticket-not-awaiting-arrival", number);
        }
        if (arrival.isAfter(at) || arrival.isBefore(cycle.startedAt())) {
            throw ProblemException.invalid("arrival-time-invalid", number);
        }
        cycle = cycle.arrived(arrival);
        stop(TargetKind.ARRIVAL, arrival, sla);
        note(at, engineer, "ARRIVED", arrival.toString());
    }

    void awaitInformation(String reason, String by, Instant at, SlaContext sla) {
        if (!WORKING.contains(status)) {
            throw ProblemException.conflict("ticket-transition", number, status, TicketStatus.AWAITING_INFO);
        }
        statusBeforeWait = status;
        status = TicketStatus.AWAITING_INFO;
        replaceOpenClocks(clock -> clock.pause(at, sla.time(clock.basis())));
        note(at, by, "AWAITING_INFO", reason);
    }

    void informationReceived(String by, Instant at, SlaContext sla) {
        require(TicketStatus.AWAITING_INFO);
        status = statusBeforeWait;
        statusBeforeWait = null;
        replaceOpenClocks(clock -> clock.resume(at, sla.time(clock.basis())));
        note(at, by, "INFO_RECEIVED", "");
    }

    void locate(LocationReport report, String engineer, Instant at, SlaContext sla) {
        require(TicketStatus.IN_PROGRESS);
        status = TicketStatus.LOCATED;
        cycle = cycle.located(report, at, engineer);
        stop(TargetKind.LOCATION, at, sla);
        note(at, engineer, "LOCATED", report.rootCause());
    }

    void fix(String summary, String engineer, Instant at, SlaContext sla) {
        if (status != TicketStatus.IN_PROGRESS && status != TicketStatus.LOCATED) {
            throw ProblemException.conflict("ticket-transition", number, status, TicketStatus.AWAITING_CONFIRMATION);
        }
        if (cycle.awaitingArrival()) {
            throw ProblemException.conflict("ticket-arrival-missing", number);
        }
        status = TicketStatus.AWAITING_CONFIRMATION;
        cycle = cycle.fixed(summary, at, engineer);
        // A fix found without a separate location report answers the location target too.
        stop(TargetKind.LOCATION, at, sla);
        replaceOpenClocks(clock -> clock.kind() == TargetKind.RESOLUTION ? clock.pause(at, sla.time(clock.basis())) : clock);
        note(at, engineer, "FIXED", summary);
    }

    void confirm(Confirmation signed, SlaContext sla) {
        require(TicketStatus.AWAITING_CONFIRMATION);
        // Whoever worked the fault (accepted, located or repaired it) cannot sign it off as repaired.
        if (signed.username().equals(cycle.fixedBy()) || signed.username().equals(assignee)
                || signed.username().equals(cycle.locatedBy())) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "confirm-own-repair", number);
        }
        status = TicketStatus.CLOSED;
        cycle = cycle.closed(signed);
        stop(TargetKind.RESOLUTION, signed.at(), sla);
        note(signed.at(), signed.username(), "CONFIRMED", signed.name() + "：" + signed.statement());
    }

    void refuseConfirmation(String reason, String by, Instant at, SlaContext sla) {
        require(TicketStatus.AWAITING_CONFIRMATION);
        status = TicketStatus.IN_PROGRESS;
        replaceOpenClocks(clock -> clock.resume(at, sla.time(clock.basis())));
        note(at, by, "CONFIRMATION_REFUSED", reason);
    }

    void changePriority(Priority newPriority, String reason, String by, Instant at, SlaContext newSla) {
        if (!status.open()) {
            throw ProblemException.conflict("ticket-closed", number);
        }
        Priority old = report.priority();
        if (newPriority == old) {
            return;
        }
        report = report.reprioritised(newPriority);
        terms = Terms.of(newSla);
        replaceOpenClocks(clock -> newSla.target(clock.kind(), cycle.startedAt())
                .map(target -> clock.retarget(target, target.time(newSla.calendar())).noteBreach(at))
                .orElse(clock));
        note(at, by, "PRIORITY_CHANGED", old + " → " + newPriority + (reason == null ? "" : "：" + reason));
    }

    /** A closed fault came back: a new cycle with new clocks; the old cycle and its outcomes stay as they were. */
    void reopen(String reason, String by, Instant at, SlaContext sla) {
        require(TicketStatus.CLOSED);
        archived = cycle;
        cycle = cycle.next(at);
        status = TicketStatus.NEW;
        clocks.clear();
        startCycleClocks(at, sla);
        note(at, by, "REOPENED", reason);
    }

    /** A clock crossed an escalation level: who must hear about it. */
    record Warning(String ticketNumber, String title, String assignee, SlaClock clock, Escalation level,
                   int percentUsed) {
    }

    /**
     * Notes breaches and the escalation levels the running clocks have reached since they were last
     * looked at. A clock that skipped levels (the watch was down) is escalated to the highest one only.
     */
    List<Warning> watch(Instant now, SlaContext sla, List<Escalation> levels) {
        List<Warning> warnings = new ArrayList<>();
        clocks.replaceAll(clock -> {
            if (clock.state() != SlaClock.State.RUNNING) {
                return clock;
            }
            SlaClock watched = clock.noteBreach(now);
            int used = watched.percentUsedAt(now, sla.time(watched.basis()));
            Escalation reached = null;
            for (Escalation level : levels) {
                if (level.percent() <= used && level.percent() > watched.warnedPercent()) {
                    reached = level;
                }
            }
            if (reached == null) {
                return watched;
            }
            SlaClock warned = watched.warned(reached.percent());
            warnings.add(new Warning(number, report.title(), assignee, warned, reached, used));
            note(now, "system", reached.percent() >= 100 ? "SLA_BREACHED" : "SLA_WARNING",
                    clock.kind() + " " + used + "% → " + reached.audience());
            return warned;
        });
        return warnings;
    }

    void attached(String filename, String by, Instant at) {
        note(at, by, "ATTACHED", filename);
    }

    /** The alert behind this ticket fired again while the ticket is open: noted here instead of a second ticket. */
    void alertRefired(long alertId, String message, Instant at) {
        note(at, "system", "ALERT_REFIRED", "#" + alertId + " · " + message);
    }

    /** The inspection check behind this ticket failed again (or passes again) in a later round: a timeline note. */
    void inspected(boolean failing, long roundId, String detail, Instant at) {
        note(at, "system", failing ? "INSPECTION_FAILING" : "INSPECTION_PASSED", "#" + roundId + " · " + detail);
    }

    /**
     * Names the years this cycle's business-time due dates run through without a holiday table, so nobody
     * trusts them blindly; clears the warning once the tables are there.
     */
    void checkCalendar(SlaContext sla) {
        Instant latest = clocks.stream().filter(c -> c.basis() == ClockBasis.BUSINESS && c.dueAt() != null)
                .map(SlaClock::dueAt).max(Instant::compareTo).orElse(null);
        java.util.SortedSet<Integer> missing = latest == null ? new java.util.TreeSet<>()
                : sla.calendar().missingYears(cycle.startedAt(), latest);
        calendarWarning = missing.isEmpty() ? null : missing.toString();
    }

    /**
     * The calendar changed (hours edited, a holiday table imported): the running clocks' due times are
     * computed again on the new calendar, openly, with a line on the timeline. The time already spent stays.
     */
    void recalculate(SlaContext sla, String reason, Instant at) {
        List<SlaClock> before = List.copyOf(clocks);
        clocks.replaceAll(clock -> clock.state() == SlaClock.State.RUNNING
                ? clock.recalculated(sla.time(clock.basis())) : clock);
        checkCalendar(sla);
        if (!before.equals(clocks)) {
            note(at, "system", "SLA_RECALCULATED", reason);
        }
    }

    private void startCycleClocks(Instant at, SlaContext sla) {
        for (TargetKind kind : List.of(TargetKind.RESPONSE, TargetKind.RESOLUTION)) {
            sla.target(kind, at).ifPresent(target ->
                    clocks.add(SlaClock.start(id, cycle.number(), kind, target, at, target.time(sla.calendar()))));
        }
    }

    private void stop(TargetKind kind, Instant at, SlaContext sla) {
        replaceOpenClocks(clock -> clock.kind() == kind ? clock.stop(at, sla.time(clock.basis())) : clock);
    }

    private void replaceOpenClocks(java.util.function.UnaryOperator<SlaClock> change) {
        clocks.replaceAll(clock -> clock.state().open() ? change.apply(clock) : clock);
    }

    private void require(TicketStatus expected) {
        if (status != expected) {
            throw ProblemException.conflict("ticket-transition", number, status, expected);
        }
    }

    private void note(Instant at, String actor, String kind, String detail) {
        newEntries.add(new TimelineEntry(at, actor, kind, detail == null ? "" : detail));
    }

    Optional<SlaClock> clock(TargetKind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).findFirst();
    }

    long id() { return id; }
    String number() { return number; }
    FaultReport report() { return report; }
    Reported reported() { return reported; }
    Instant reportedAt() { return reported.at(); }
    Priority priority() { return report.priority(); }
    Terms terms() { return terms; }
    long policyId() { return terms.policyId(); }
    Standing standing() { return new Standing(status, statusBeforeWait, assignee); }
    TicketStatus status() { return status; }
    String assignee() { return assignee; }
    /** The current cycle. */
    Cycle cycle() { return cycle; }
    Long recurrenceOf() { return recurrence == null ? null : recurrence.of(); }
    Recurrence recurrence() { return recurrence; }
    Long alertId() { return reported.alertId(); }
    String calendarWarning() { return calendarWarning; }
    List<SlaClock> clocks() { return List.copyOf(clocks); }
    List<TimelineEntry> newEntries() { return List.copyOf(newEntries); }
    /** The cycle a reopen just closed, to be kept; empty otherwise. */
    Optional<Cycle> archivedCycle() { return Optional.ofNullable(archived); }
}
