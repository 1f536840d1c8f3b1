package org.medops.alerting;

import java.time.Instant;

/** An alert opened; the ops desk opens tickets from critical ones. */
public record AlertRaised(long alertId, String rule, String kind, String subject, String severity, String message,
                          Instant at) {
}
