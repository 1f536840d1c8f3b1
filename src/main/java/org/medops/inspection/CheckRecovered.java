package org.medops.inspection;

import java.time.Instant;

/** A check that failed in the target's previous round passes again: the open ticket notes it. */
public record CheckRecovered(long roundId, String target, String targetName, String check, String value, Instant at) {
}
