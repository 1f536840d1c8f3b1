package org.medops.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one rule and subject stand between evaluations (persisted in {@code alert_conditions}).
 *
 * @param breachingSince when the firing condition started to hold, while the alert is not yet open
 * @param clearSince     when an open alert's condition stopped holding
 */
record ConditionState(Instant breachingSince, Instant clearSince) {

    static final ConditionState NONE = new ConditionState(null, null);

    enum Decision { NONE, OPEN, RESOLVE }

    record Step(ConditionState next, Decision decision) {
    }

    /**
     * One evaluation. {@code firing}: over the firing threshold now; {@code holding}: over the (lower) recovery
     * threshold now; {@code open}: an alert is open for this rule and subject.
     */
    Step evaluate(boolean firing, boolean holding, boolean open, Instant now, Hysteresis hysteresis) {
        if (open) {
            if (holding) {
                return new Step(new ConditionState(null, null), Decision.NONE);
            }
            Instant clear = clearSince == null ? now : clearSince;
            if (held(clear, now, hysteresis.recoverAfter())) {
                return new Step(NONE, Decision.RESOLVE);
            }
            return new Step(new ConditionState(null, clear), Decision.NONE);
        }
        if (!firing) {
            return new Step(NONE, Decision.NONE);
        }
        Instant since = breachingSince == null ? now : breachingSince;
        if (held(since, now, hysteresis.forDuration())) {
            return new Step(NONE, Decision.OPEN);
        }
        return new Step(new ConditionState(since, null), Decision.NONE);
    }

    boolean isNone() {
        return breachingSince == null && clearSince == null;
    }

    private static boolean held(Instant since, Instant now, Duration duration) {
        return !now.isBefore(since.plus(duration));
    }
}
