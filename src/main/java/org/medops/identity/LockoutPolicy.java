package org.medops.identity;

import java.time.Duration;

import org.medops.settings.PlatformSettings;

/** After {@code threshold} consecutive failures the account is locked for {@code duration}. */
record LockoutPolicy(int threshold, Duration duration) {

    static LockoutPolicy from(PlatformSettings settings) {
        return new LockoutPolicy(settings.lockoutThreshold(), settings.lockoutDuration());
    }
}
