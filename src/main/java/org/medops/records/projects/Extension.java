package org.medops.records.projects;

import java.time.Instant;

/**
 * A written extension of the delivery (因甲方需求变更、环境不配合导致延期): proposed with its reason by one party — the vendor
 * or the hospital — and counted only once the other party agreed, so neither side moves the deadline alone.
 */
record Extension(long id, int workingDays, String reason, String proposedBy, Party party, Instant proposedAt,
                 String agreedBy, Instant agreedAt) {

    boolean agreed() {
        return agreedAt != null;
    }
}
