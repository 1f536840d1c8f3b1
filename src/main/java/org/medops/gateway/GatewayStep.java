package org.medops.gateway;

import io.vertx.core.Future;

/**
 * One policy of the gateway pipeline (as a Gravitee policy): it reads and enriches the exchange and
 * either succeeds, so the next step runs, or fails with a {@link GatewayRejection}. Steps run on the
 * event loop and never block; one that needs no I/O returns {@link #PASS} (or {@link #reject}).
 */
interface GatewayStep {

    Future<Void> PASS = Future.succeededFuture();

    Future<Void> apply(Exchange exchange);

    static Future<Void> reject(GatewayError error) {
        return Future.failedFuture(GatewayRejection.of(error));
    }
}
