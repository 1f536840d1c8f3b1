package org.medops.opsdesk;

/** Which tickets exist, for features of other modules that link their records to a ticket by its id. */
public interface TicketLookup {

    boolean exists(long id);
}
