package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A complaint, conduct or data-security incident the hospital entered; {@code points} only for data security. */
public record Incident(long id, LocalDate occurredOn, IncidentKind kind, String department, String summary,
                       BigDecimal points, String enteredBy, Instant enteredAt, int evidenceCount) {
}
