package org.medops.alerting;

import java.time.Instant;

/**
 * An alert opened; the ops desk opens tickets from critical ones, one open ticket per rule and subject.
 *
 * @param message the alert's text in Simplified Chinese, as notified
 */
public record AlertRaised(long alertId, long ruleId, String rule, RuleKind kind, String subject,
                          AlertSeverity severity, String message, Instant at) {
}
