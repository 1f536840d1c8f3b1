package org.medops.settings;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The platform-wide settings an administrator edits on the system configuration page. */
public record PlatformSettings(
        @NotBlank @Size(max = 100) String siteName,
        @NotBlank String timeZone,
        @Min(5) @Max(480) int sessionTimeoutMinutes,
        @Min(10) @Max(64) int passwordMinLength,
        @Min(3) @Max(4) int passwordMinCharacterClasses,
        @Min(5) @Max(24) int passwordHistorySize,
        @Min(3) @Max(10) int lockoutThreshold,
        @Min(15) @Max(1440) int lockoutMinutes) {

    /** MLPS level 3 minimums; an administrator may tighten them, never loosen them (see the bounds). */
    public static PlatformSettings defaults() {
        return new PlatformSettings("MedOps", "Asia/Shanghai", 30, 10, 3, 5, 5, 15);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration sessionTimeout() {
        return Duration.ofMinutes(sessionTimeoutMinutes);
    }

    public Duration lockoutDuration() {
        return Duration.ofMinutes(lockoutMinutes);
    }
}
