package org.medops.alerting;

import java.time.Instant;
import java.util.List;

/**
 * @param subject        the service, channel or node watched; null means every one
 * @param silencedUntil  while in the future, alerts are still recorded but nobody is notified
 * @param targetIds      notifier targets told when an alert is raised or resolved
 */
record AlertRule(long id, String name, RuleKind kind, String subject, double threshold, int windowMinutes,
                 int minCalls, String severity, boolean enabled, Instant silencedUntil, List<Long> targetIds) {

    boolean silencedAt(Instant now) {
        return silencedUntil != null && now.isBefore(silencedUntil);
    }

    boolean watches(String candidate) {
        return subject == null || subject.isBlank() || subject.equals(candidate);
    }
}
