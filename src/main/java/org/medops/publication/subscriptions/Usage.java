package org.medops.publication.subscriptions;

import java.time.Instant;

/** One read or push under a subscription: which versions, how many records. */
public record Usage(long subscriptionId, Kind kind, Long sinceVersion, long upToVersion, int records, Instant at) {

    public enum Kind { READ, PUSH }
}
