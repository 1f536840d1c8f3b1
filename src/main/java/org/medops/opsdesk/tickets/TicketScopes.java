package org.medops.opsdesk.tickets;

import org.medops.dataaccess.Scope;
import org.medops.dataaccess.ScopeDirectory;
import org.springframework.stereotype.Component;

/** The tickets a sensitive-data grant may name (their attachments). */
@Component
class TicketScopes implements ScopeDirectory {

    private final Tickets tickets;

    TicketScopes(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Scope.Kind kind() {
        return Scope.Kind.TICKET;
    }

    @Override
    public boolean exists(String ref) {
        return ref.matches("\\d{1,18}") && tickets.exists(Long.parseLong(ref));
    }
}
