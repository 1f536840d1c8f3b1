package org.medops.opsdesk;

import java.time.Instant;

/** A change was carried out and finished with its result; published when the result is recorded. */
public record ChangeCompleted(long changeId, String systemCode, Result result, Instant finishedAt, String requestedBy) {

    public enum Result {
        SUCCESS, FAILED, ROLLED_BACK
    }
}
