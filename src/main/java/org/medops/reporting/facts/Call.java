package org.medops.reporting.facts;

import java.time.Instant;

/** A support call or message (报障电话): {@code byHospital} when the hospital logged it (an unanswered call). */
public record Call(long id, Instant calledAt, String caller, String department, CallChannel channel,
                   boolean answered, Long ticketId, String summary, boolean byHospital, String loggedBy,
                   Instant loggedAt) {
}
