package org.medops.gateway;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Runs the steps in order, stopping at the first that fails. A step that answers at once (most do)
 * is followed in the same loop, without a callback or a composed future per step.
 */
final class GatewayPipeline {

    private final GatewayStep[] steps;

    GatewayPipeline(List<GatewayStep> steps) {
        this.steps = steps.toArray(GatewayStep[]::new);
    }

    /** Succeeds when the last step has succeeded; fails with the first step's failure. */
    Future<Void> run(Exchange exchange) {
        Promise<Void> done = Promise.promise();
        next(exchange, 0, done);
        return done.future();
    }

    private void next(Exchange exchange, int from, Promise<Void> done) {
        for (int i = from; i < steps.length; i++) {
            Future<Void> result;
            try {
                result = steps[i].apply(exchange);
            } catch (RuntimeException e) {
                done.fail(e);
                return;
            }
            if (!result.isComplete()) {
                int following = i + 1;
                result.onComplete(r -> {
                    if (r.succeeded()) {
                        next(exchange, following, done);
                    } else {
                        done.fail(r.cause());
                    }
                });
                return;
            }
            if (result.failed()) {
                done.fail(result.cause());
                return;
            }
        }
        done.complete();
    }
}
