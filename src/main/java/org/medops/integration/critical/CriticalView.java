package org.medops.integration.critical;

import java.time.Instant;
import java.util.List;

/**
 * A critical value as a reader may see it: the patient's id and name masked unless the reader holds
 * {@code integration:data}; {@code overdue} when it is still unacknowledged past its department's minutes,
 * {@code handlingOverdue} when it is acknowledged and still unhandled past them.
 */
record CriticalView(long id, String status, boolean overdue, int escalationLevel, Patient patient, String itemCode,
                    String itemName, String value, String unit, String referenceRange, String flag,
                    String reportingDepartment, String reporter, Instant reportedAt, String orderingDepartment,
                    String ward, String clinician, Instant recordedAt, Instant deliveredAt, Instant acknowledgedAt,
                    String acknowledgedBy, Instant handledAt, String handledBy, String handleAction, String handleNote,
                    Instant closedAt, String closedBy, long messageId, String channel, boolean handlingOverdue,
                    int handleEscalationLevel) {

    record Patient(String id, String name, boolean masked) {
    }

    /** {@code toHis}: the messages back to HIS (acknowledged, handled), when handed to their channel. */
    record Detail(CriticalView value, List<CriticalValues.Event> timeline, List<CriticalValues.Sent> toHis) {
    }

    static CriticalView of(CriticalValue v, boolean whole, Instant now) {
        Patient patient = whole ? new Patient(v.patientId(), v.patientName(), false)
                : new Patient(CriticalValue.mask(v.patientId()), CriticalValue.mask(v.patientName()), true);
        boolean overdue = v.status().open() && (v.escalationLevel() > 0
                || v.nextEscalationAt() != null && !v.nextEscalationAt().isAfter(now));
        return new CriticalView(v.id(), v.status().name(), overdue, v.escalationLevel(), patient, v.itemCode(),
                v.itemName(), v.resultValue(), v.unit(), v.referenceRange(), v.flag(), v.reportingDepartment(),
                v.reporter(), v.reportedAt(), v.orderingDepartment(), v.ward(), v.clinician(), v.createdAt(),
                v.deliveredAt(), v.acknowledgedAt(), v.acknowledgedBy(), v.handledAt(), v.handledBy(), v.handleAction(),
                v.handleNote(), v.closedAt(), v.closedBy(), v.messageId(), v.channel(), v.handlingOverdue(now),
                v.handleEscalationLevel());
    }

    /** Open, for the board: not yet closed. */
    boolean open() {
        return !"CLOSED".equals(status);
    }
}
