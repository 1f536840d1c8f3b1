package org.medops.opsdesk.tickets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.TargetKind;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API and the pages show it: the report, where it stands, its current cycle, every clock of every
 * cycle, the timeline. The report and the cycle are the ticket's own value objects, unwrapped so the JSON keeps one
 * flat level ({@code title}, {@code cycle}, {@code fixSummary}); earlier cycles show what they established.
 */
record TicketView(long id, String number, @JsonUnwrapped FaultReport report, int policyVersion, String policyName,
                  TicketStatus status, String assignee, @JsonUnwrapped Ticket.Cycle current, Instant reportedAt,
                  String recurrenceOf, String recurrenceConfirmedBy, Instant recurrenceConfirmedAt, Long alertId,
                  String calendarWarning, List<ClockView> clocks, List<TimelineEntry> timeline,
                  List<AttachmentInfo> attachments,
                  @JsonIgnoreProperties({"workMode", "arrivedAt"}) List<Ticket.Cycle> earlierCycles) {

    /** The ticket as it stood when an earlier cycle closed: that cycle's report, repair and confirmation. */
    TicketView asOf(Ticket.Cycle earlier) {
        return new TicketView(id, number, report, policyVersion, policyName, TicketStatus.CLOSED, assignee, earlier,
                reportedAt, recurrenceOf, recurrenceConfirmedBy, recurrenceConfirmedAt, alertId, calendarWarning, clocks,
                timeline, attachments, List.of());
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
        return current.awaitingArrival();
    }
}
