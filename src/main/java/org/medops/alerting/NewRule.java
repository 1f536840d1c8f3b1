package org.medops.alerting;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule as people write it, to create or to replace one (API body and the page's form alike).
 *
 * @param threshold         the firing line in the kind's unit (% or ms); none for breaker, node and no-traffic rules
 * @param forSeconds        how long the condition must hold before the alert opens (0: at once)
 * @param recoverySeconds   how long it must be clear before the alert resolves (0: at once)
 * @param recoveryThreshold optional lower line: the alert counts as clear only at or under it
 * @param maxAgeMinutes     queue rules: also fire when the oldest queued message waits longer than this
 * @param activeFrom        no-messages rules: watch only from this local time …
 * @param activeTo          … to this one (over midnight when earlier), on {@code activeDays} (1 = Monday; none: all)
 */
record NewRule(@NotBlank @Size(max = 128) String name, @NotNull RuleKind kind, @Size(max = 128) String subject,
               @Min(0) Double threshold, @Min(1) @Max(1440) int windowMinutes, @Min(0) int minCalls,
               @NotNull AlertSeverity severity, Instant silencedUntil, List<Long> targetIds,
               @Min(0) @Max(86400) Integer forSeconds, @Min(0) @Max(86400) Integer recoverySeconds,
               @Min(0) Double recoveryThreshold, @Min(1) @Max(10080) Integer maxAgeMinutes, LocalTime activeFrom,
               LocalTime activeTo, List<Integer> activeDays) {

    NewRule(String name, RuleKind kind, String subject, Double threshold, int windowMinutes, int minCalls,
            AlertSeverity severity, Instant silencedUntil, List<Long> targetIds, Integer forSeconds,
            Integer recoverySeconds, Double recoveryThreshold) {
        this(name, kind, subject, threshold, windowMinutes, minCalls, severity, silencedUntil, targetIds, forSeconds,
                recoverySeconds, recoveryThreshold, null, null, null, null);
    }

    NewRule {
        subject = subject == null || subject.isBlank() ? null : subject.trim();
        name = name == null ? null : name.trim();
        targetIds = targetIds == null ? List.of() : targetIds.stream().distinct().toList();
        forSeconds = forSeconds == null ? 0 : forSeconds;
        recoverySeconds = recoverySeconds == null ? 0 : recoverySeconds;
        if (kind != null && !kind.hasThreshold()) {
            threshold = 0.0;
            recoveryThreshold = null;
        }
        activeDays = activeDays == null ? List.of() : activeDays.stream().distinct().sorted().toList();
        if (kind != RuleKind.CHANNEL_QUEUE) {
            maxAgeMinutes = null;
        }
        if (kind != RuleKind.CHANNEL_SILENT) {
            activeFrom = null;
            activeTo = null;
            activeDays = List.of();
        }
    }

    static NewRule of(AlertRule rule) {
        return new NewRule(rule.name(), rule.kind(), rule.subject(), rule.threshold(), rule.windowMinutes(),
                rule.minCalls(), rule.severity(), rule.silencedUntil(), rule.targetIds(),
                (int) rule.hysteresis().forDuration().toSeconds(), (int) rule.hysteresis().recoverAfter().toSeconds(),
                rule.hysteresis().recoveryThreshold(), rule.maxAgeMinutes(),
                rule.activeHours() == null ? null : rule.activeHours().from(),
                rule.activeHours() == null ? null : rule.activeHours().to(),
                rule.activeHours() == null ? List.of() : rule.activeHours().days());
    }

    @AssertTrue(message = "{alerts.validation.activeHours}")
    boolean isActiveHoursWhole() {
        return (activeFrom == null) == (activeTo == null) && (activeFrom == null || !activeFrom.equals(activeTo))
                && activeDays.stream().allMatch(ActiveHours::isDay);
    }

    @AssertTrue(message = "{alerts.validation.thresholdRequired}")
    boolean isThresholdGiven() {
        return kind == null || !kind.hasThreshold() || threshold != null;
    }

    @AssertTrue(message = "{alerts.validation.percentAtMost100}")
    boolean isPercentInRange() {
        return kind == null || !"%".equals(kind.unit()) || threshold == null || threshold <= 100;
    }

    @AssertTrue(message = "{alerts.validation.recoveryBelowThreshold}")
    boolean isRecoveryBelowThreshold() {
        return recoveryThreshold == null || threshold == null || recoveryThreshold < threshold;
    }

    AlertRule toRule(long id, boolean enabled) {
        return new AlertRule(id, name, kind, subject, threshold == null ? 0 : threshold, windowMinutes, minCalls,
                severity, Hysteresis.ofSeconds(forSeconds, recoverySeconds, recoveryThreshold), enabled,
                silencedUntil, targetIds, maxAgeMinutes,
                activeFrom == null ? null : new ActiveHours(activeFrom, activeTo, activeDays));
    }
}
