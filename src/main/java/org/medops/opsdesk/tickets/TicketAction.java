package org.medops.opsdesk.tickets;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/** A step on a ticket, a policy or a calendar, for the audit trail. */
record TicketAction(String action, String targetType, String targetId, List<FieldChange> changes)
        implements AuditableEvent {

    static TicketAction onTicket(String action, Ticket ticket, List<FieldChange> changes) {
        return new TicketAction(action, "ticket", ticket.number(), changes);
    }
}
