package org.medops.alerting;

import java.time.Instant;

/** An alert closed, by itself when its condition cleared or by a person ({@code by}). */
public record AlertResolved(long alertId, long ruleId, String rule, String subject, String by, Instant at) {
}
