package org.medops.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;

/** A service visit (服务回访): who went to which department, what they found, the satisfaction 1–5 and follow-up. */
public record Visit(long id, LocalDate visitedOn, String visitor, String department, String findings,
                    int satisfaction, String followUp, String loggedBy, Instant loggedAt) {
}
