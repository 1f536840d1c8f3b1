package org.medops.opsdesk.tickets;

import org.medops.opsdesk.TicketLookup;
import org.springframework.stereotype.Component;

/**
 * Which tickets exist, for features that link to tickets by number of id (a defect's tickets; other modules through
 * {@link TicketLookup}).
 */
@Component
public class TicketIds implements TicketLookup {

    private final Tickets tickets;

    TicketIds(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public boolean exists(long id) {
        return tickets.exists(id);
    }
}
