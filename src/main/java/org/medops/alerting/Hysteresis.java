package org.medops.alerting;

import java.time.Duration;

/**
 * What keeps a rule from flapping: the condition must hold {@code forDuration} before the alert opens, and an
 * open alert resolves only after the condition has been clear for {@code recoverAfter}. With a
 * {@code recoveryThreshold} below the firing threshold, "clear" means at or under that lower line.
 */
record Hysteresis(Duration forDuration, Duration recoverAfter, Double recoveryThreshold) {

    static final Hysteresis NONE = new Hysteresis(Duration.ZERO, Duration.ZERO, null);

    Hysteresis {
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        recoverAfter = recoverAfter == null ? Duration.ZERO : recoverAfter;
    }

    static Hysteresis ofSeconds(int forSeconds, int recoverySeconds, Double recoveryThreshold) {
        return new Hysteresis(Duration.ofSeconds(forSeconds), Duration.ofSeconds(recoverySeconds), recoveryThreshold);
    }
}
