package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A data-extraction or statistics request (临时性数据统计): requested, due, the delivered file, and the requester's
 * confirmation of its accuracy. Item 9 deducts for a wrong one: confirmed wrong, or below 98 % agreement.
 */
public record Extraction(long id, Instant requestedAt, String requester, String department, String subject,
                         LocalDate dueOn, Instant deliveredAt, String fileName, BigDecimal accuracyPercent,
                         Boolean accurate, String confirmedBy, Instant confirmedAt, String loggedBy) {

    static final BigDecimal REQUIRED_ACCURACY = new BigDecimal("98");

    public boolean wrong() {
        return Boolean.FALSE.equals(accurate)
                || (accuracyPercent != null && accuracyPercent.compareTo(REQUIRED_ACCURACY) < 0);
    }

    public boolean delivered() {
        return deliveredAt != null;
    }
}
