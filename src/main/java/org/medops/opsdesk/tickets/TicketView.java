package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.TargetKind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket as the API and the pages show it: the report, where it stands, every clock of every cycle, the timeline. */
record TicketView(long id, String number, String title, String phenomenon, OffsetDateTime occurredAt,
                  String impactScope, List<String> systems, FaultCategory category, String steps, String reporter,
                  String contact, ReportSource source, Priority priority, int policyVersion, String policyName,
                  TicketStatus status, int cycle, String assignee, WorkMode workMode, Instant arrivedAt,
                  LocationReport location, Instant locatedAt, String locatedBy, String fixSummary, Instant fixedAt,
                  String fixedBy, Ticket.Confirmation confirmation, Instant reportedAt, Instant closedAt,
                  String recurrenceOf, String recurrenceConfirmedBy, Instant recurrenceConfirmedAt, Long alertId,
                  String calendarWarning, List<ClockView> clocks,
                  List<TimelineEntry> timeline, List<AttachmentInfo> attachments,
                  List<Ticket.ClosedCycle> earlierCycles) {

    /** The ticket as it stood when an earlier cycle closed: that cycle's report, repair and confirmation. */
    TicketView asOf(Ticket.ClosedCycle c) {
        return new TicketView(id, number, title, phenomenon, occurredAt, impactScope, systems, category, steps, reporter,
                contact, source, priority, policyVersion, policyName, TicketStatus.CLOSED, c.cycle(), assignee, workMode,
                arrivedAt, c.location(), c.locatedAt(), c.locatedBy(), c.fixSummary(), c.fixedAt(), c.fixedBy(),
                c.confirmation(), reportedAt, c.closedAt(), recurrenceOf, recurrenceConfirmedBy,
                recurrenceConfirmedAt, alertId, calendarWarning, clocks, timeline,
                attachments, List.of());
    }

    /** One clock with what has been used of it now. */
    record ClockView(int cycle, TargetKind kind, ClockBasis basis, long targetMinutes, Instant startedAt, Instant dueAt,
                     long elapsedMinutes, long pausedMinutes, int percentUsed, SlaClock.State state, Instant stoppedAt,
                     Instant breachedAt) {

        public boolean breached() {
            return breachedAt != null || state == SlaClock.State.BREACHED;
        }
    }

    record AttachmentInfo(long id, String filename, String contentType, int sizeBytes, Instant uploadedAt,
                          String uploadedBy) {
    }

    public boolean awaitingArrival() {
        return workMode == WorkMode.ONSITE && arrivedAt == null;
    }
}
