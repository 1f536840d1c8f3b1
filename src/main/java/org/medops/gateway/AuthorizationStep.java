package org.medops.gateway;

import io.vertx.core.Future;

/** Step 6: the channel is enabled, the caller's address is on its allow-list, and it holds a grant for the service. */
final class AuthorizationStep implements GatewayStep {

    @Override
    public Future<Void> apply(Exchange exchange) {
        ChannelRuntime channel = exchange.channel;
        if (!channel.access().enabled() || !channel.allowList().allows(exchange.clientIp)
                || !exchange.table.granted(channel.access().code(), exchange.serviceCode)) {
            return GatewayStep.reject(GatewayError.ACCESS_DENIED);
        }
        return PASS;
    }
}
