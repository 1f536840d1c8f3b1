package org.medops.alerting;

import java.time.Instant;
import java.util.List;

/**
 * @param subject        the service, channel or node watched; null means every one
 * @param threshold      the firing line in the kind's unit; meaningless (0) for kinds without a threshold
 * @param silencedUntil  while in the future, alerts are still recorded but nobody is notified
 * @param targetIds      notifier targets told when an alert is raised or resolved
 * @param maxAgeMinutes  a queue rule also fires when the oldest queued message waits longer (null: depth only)
 * @param activeHours    when a no-messages rule watches (null: always)
 */
record AlertRule(long id, String name, RuleKind kind, String subject, double threshold, int windowMinutes,
                 int minCalls, AlertSeverity severity, Hysteresis hysteresis, boolean enabled, Instant silencedUntil,
                 List<Long> targetIds, Integer maxAgeMinutes, ActiveHours activeHours) {

    AlertRule(long id, String name, RuleKind kind, String subject, double threshold, int windowMinutes, int minCalls,
              AlertSeverity severity, Hysteresis hysteresis, boolean enabled, Instant silencedUntil,
              List<Long> targetIds) {
        this(id, name, kind, subject, threshold, windowMinutes, minCalls, severity, hysteresis, enabled, silencedUntil,
                targetIds, null, null);
    }

    boolean silencedAt(Instant now) {
        return silencedUntil != null && now.isBefore(silencedUntil);
    }

    boolean watches(String candidate) {
        return subject == null || subject.isBlank() || subject.equals(candidate);
    }

    /** A destination subject ({@code channel/destination}) is watched by a rule on its channel or on it alone. */
    boolean watchesDestination(String channel, String destination) {
        return watches(channel) || subject.equals(channel + "/" + destination);
    }

    /** The line a subject must stay above to keep an open alert open: the recovery threshold when there is one. */
    double holdThreshold() {
        Double recovery = hysteresis.recoveryThreshold();
        return kind.hasThreshold() && recovery != null && recovery < threshold ? recovery : threshold;
    }

    /** Whether a measured value breaks the firing line; state kinds break it by being reported at all. */
    boolean fires(Double value) {
        return !kind.hasThreshold() || value != null && value > threshold;
    }
}
