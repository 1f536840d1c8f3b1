package org.medops.alerting;

import java.time.Instant;
import java.util.List;

/**
 * One alert message (预警消息): OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED.
 *
 * @param message     the message as sent to the notifiers (Simplified Chinese)
 * @param messageArgs the same message's arguments, for {@code alerts.condition.<kind>} in the reader's language
 */
record Alert(long id, long ruleId, String ruleName, RuleKind kind, String subject, AlertSeverity severity,
             String status, String message, List<String> messageArgs, Double value, Instant raisedAt,
             Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy) {
}
