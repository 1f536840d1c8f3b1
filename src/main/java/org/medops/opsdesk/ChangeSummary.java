package org.medops.opsdesk;

import java.time.Instant;

/**
 * A change (变更) as other modules see it: what it changes, where it stands, its planned period. Published by the
 * ops desk's changes feature through {@link ChangeLookup}.
 */
public record ChangeSummary(long id, String title, String systemCode, Status status, Instant plannedStart,
                            Instant plannedEnd, String requestedBy, Instant finishedAt) {

    /** The change's lifecycle, as its feature names it. */
    public enum Status {
        REQUESTED, AUTHORIZED, REFUSED, IN_PROGRESS, COMPLETED, CANCELLED
    }
}
