package org.medops.gateway;

import io.vertx.core.Future;

/** Step 9: the circuit breaker (熔断): while it is open the call goes no further; the fallback, if any, answers. */
final class CircuitStep implements GatewayStep {

    @Override
    public Future<Void> apply(Exchange exchange) {
        if (exchange.service.breaker().tryAcquirePermission()) {
            return PASS;
        }
        return Future.failedFuture(GatewayRejection.circuitOpen(exchange.service.definition().fallback()));
    }
}
