package org.medops.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import io.vertx.core.Future;

/**
 * Step 8: the channel's daily quota and the grant's own, counted per day in the hospital's zone;
 * when used up, 429 with Retry-After until midnight.
 */
final class QuotaStep implements GatewayStep {

    private final Limiter limiter;
    private final Clock clock;
    private final ZoneId zone;

    QuotaStep(Limiter limiter, Clock clock, ZoneId zone) {
        this.limiter = limiter;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        String channel = exchange.channelCode;
        Long daily = exchange.channel.access().quotaPerDay();
        Long grantDaily = exchange.table.grantQuota(channel, exchange.serviceCode);
        if (daily == null && grantDaily == null) {
            return PASS;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Future<Boolean> channelQuota = daily == null ? Future.succeededFuture(true)
                : limiter.allowDaily("channel:" + channel, daily, today);
        return channelQuota.compose(ok -> !ok || grantDaily == null ? Future.succeededFuture(ok)
                        : limiter.allowDaily("grant:" + channel + ":" + exchange.serviceCode, grantDaily, today))
                .transform(quota -> {
                    if (Boolean.TRUE.equals(quota.result())) {
                        return PASS;
                    }
                    long untilMidnight = Duration.between(clock.instant(),
                            today.plusDays(1).atStartOfDay(zone).toInstant()).toSeconds();
                    return Future.failedFuture(
                            GatewayRejection.retryAfter(GatewayError.QUOTA_EXCEEDED, Math.max(1, untilMidnight)));
                });
    }
}
