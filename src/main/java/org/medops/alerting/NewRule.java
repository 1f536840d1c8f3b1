package org.medops.alerting;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewRule(@NotBlank @Size(max = 128) String name, @NotNull RuleKind kind, @Size(max = 128) String subject,
               @Min(0) double threshold, @Min(1) @Max(1440) int windowMinutes, @Min(0) int minCalls,
               @NotNull @Pattern(regexp = "CRITICAL|WARNING|INFO") String severity, Instant silencedUntil,
               List<Long> targetIds) {

    AlertRule toRule() {
        return new AlertRule(0, name, kind, subject, threshold, windowMinutes, minCalls, severity, true, silencedUntil,
                targetIds == null ? List.of() : List.copyOf(targetIds));
    }
}
