package org.medops.opsdesk.tickets;

import org.springframework.stereotype.Component;

/** Which tickets exist, for features that link to tickets by number of id (a defect's tickets). */
@Component
public class TicketIds {

    private final Tickets tickets;

    TicketIds(Tickets tickets) {
        this.tickets = tickets;
    }

    public boolean exists(long id) {
        return tickets.exists(id);
    }
}
