package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A training (培训) held for hospital staff. */
public record Training(long id, LocalDate heldOn, String topic, String audience, BigDecimal hours, int attendees,
                       String materials, String loggedBy, Instant loggedAt) {
}
