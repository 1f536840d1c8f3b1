package org.medops.opsdesk.tickets;

/** Where a ticket is in its lifecycle. */
enum TicketStatus {
    NEW, ACCEPTED, IN_PROGRESS, AWAITING_INFO, LOCATED, AWAITING_CONFIRMATION, CLOSED;

    boolean open() {
        return this != CLOSED;
    }
}
