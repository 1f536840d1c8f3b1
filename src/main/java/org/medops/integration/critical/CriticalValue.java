package org.medops.integration.critical;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.medops.shared.ProblemException;

/**
 * One critical result and its closed loop: reported (recorded) → delivered (the clinician and ward were notified) →
 * acknowledged by a clinician → handled (what was done) → closed. A step out of order is a 409.
 */
record CriticalValue(long id, long messageId, String setId, String channel, String patientId, String patientName,
                     String itemCode, String itemName, String resultValue, String unit, String referenceRange,
                     String flag, String reportingDepartment, String reporter, Instant reportedAt,
                     String orderingDepartment, String ward, String clinician, String clinicianId, Status status,
                     Instant createdAt, Instant deliveredAt, Instant acknowledgedAt, String acknowledgedBy,
                     Instant handledAt, String handledBy, String handleAction, String handleNote, Instant closedAt,
                     String closedBy, int escalationLevel, Instant nextEscalationAt, int handleEscalationLevel,
                     Instant nextHandleEscalationAt, String controlId, String placerOrder, String fillerOrder) {

    enum Status {
        REPORTED, DELIVERED, ACKNOWLEDGED, HANDLED, CLOSED;

        boolean open() {
            return this == REPORTED || this == DELIVERED;
        }
    }

    /** The status it moves from when acknowledged; a second acknowledgement, or one after handling, is refused. */
    Status acknowledge() {
        return require(Set.of(Status.REPORTED, Status.DELIVERED), "critical-value-acknowledged-already");
    }

    Status handle() {
        return require(Set.of(Status.ACKNOWLEDGED), status.open() ? "critical-value-not-acknowledged"
                : "critical-value-handled-already");
    }

    Status close() {
        return require(Set.of(Status.HANDLED), status == Status.CLOSED ? "critical-value-closed-already"
                : "critical-value-not-handled");
    }

    /** Not acknowledged within {@code limit} of being reported. */
    boolean overdue(Instant now, Duration limit) {
        return status.open() && createdAt.plus(limit).isBefore(now);
    }

    /** Acknowledged, and past its department's minutes to handle (or escalated for it). */
    boolean handlingOverdue(Instant now) {
        return status == Status.ACKNOWLEDGED && (handleEscalationLevel > 0
                || nextHandleEscalationAt != null && !nextHandleEscalationAt.isAfter(now));
    }

    /** Minutes from being recorded until acknowledged, or null while it is not. */
    Long minutesToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(createdAt, acknowledgedAt).toSeconds() / 60;
    }

    private Status require(Set<Status> from, String problem) {
        if (!from.contains(status)) {
            throw ProblemException.conflict(problem, id, status.name());
        }
        return status;
    }

    /**
     * Keeps the first character (and the last of a long identifier), as the message browser masks identifiers,
     * so a reader can tell records apart.
     */
    static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int length = value.codePointCount(0, value.length());
        if (length == 1) {
            return "*";
        }
        int first = value.offsetByCodePoints(0, 1);
        if (length <= 3) {
            return value.substring(0, first) + "*".repeat(length - 1);
        }
        int last = value.offsetByCodePoints(value.length(), -1);
        return value.substring(0, first) + "*".repeat(length - 2) + value.substring(last);
    }
}
