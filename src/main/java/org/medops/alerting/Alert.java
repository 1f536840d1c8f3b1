package org.medops.alerting;

import java.time.Instant;

/** One alert message (预警消息): OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED. */
record Alert(long id, long ruleId, String ruleName, String kind, String subject, String severity, String status,
             String message, Double value, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy,
             Instant resolvedAt, String resolvedBy) {
}
