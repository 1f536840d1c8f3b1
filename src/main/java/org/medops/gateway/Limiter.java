package org.medops.gateway;

import java.time.LocalDate;

import io.vertx.core.Future;

/** Rate limits, daily quotas and nonce memory: per node, or cluster-wide through Redis. */
interface Limiter {

    /** Takes one call from the budget of {@code key}; false when the second's budget is spent. */
    Future<Boolean> allow(String key, int perSecond);

    Future<Boolean> allowDaily(String key, long perDay, LocalDate day);

    /** True the first time a nonce is seen within the replay window. */
    Future<Boolean> firstUse(String nonceKey);
}
