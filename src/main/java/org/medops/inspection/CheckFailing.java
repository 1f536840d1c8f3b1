package org.medops.inspection;

import java.time.Instant;

/**
 * A check failed in a round. The ops desk opens one ticket per target and check, or notes this on the one still
 * open; {@code system} is the hospital system the target belongs to (null: none named).
 */
public record CheckFailing(long roundId, String target, String targetName, String system, String check, String value,
                           String threshold, String evidence, Instant at) {
}
