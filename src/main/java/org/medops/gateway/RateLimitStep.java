package org.medops.gateway;

import io.vertx.core.Future;

/** Step 7: the channel's and then the service's requests per second (限流); over either, 429 with Retry-After 1. */
final class RateLimitStep implements GatewayStep {

    private final Limiter limiter;

    RateLimitStep(Limiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        Integer channelRate = exchange.channel.access().quotaPerSecond();
        Integer serviceRate = exchange.service.definition().rateLimitPerSecond();
        if (channelRate == null && serviceRate == null) {
            return PASS;
        }
        Future<Boolean> channelOk = channelRate == null ? Future.succeededFuture(true)
                : limiter.allow("channel:" + exchange.channelCode, channelRate);
        return channelOk.compose(ok -> !ok || serviceRate == null ? Future.succeededFuture(ok)
                        : limiter.allow("service:" + exchange.serviceCode, serviceRate))
                .transform(rate -> Boolean.TRUE.equals(rate.result()) ? PASS
                        : Future.failedFuture(GatewayRejection.retryAfter(GatewayError.RATE_LIMITED, 1)));
    }
}
