package org.medops.opsdesk.tickets;

import java.time.Instant;

/** One line of a ticket's timeline: a transition, a note or an SLA warning. */
record TimelineEntry(Instant at, String actor, String kind, String detail) {
}
