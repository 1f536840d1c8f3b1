package org.medops.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Step 4: buffers the body (it is signed, so it must be whole before the signature is checked), up
 * to the limit. A broken upload fails with its I/O error, not a rejection: nobody is left to answer.
 */
final class BodyStep implements GatewayStep {

    private final long maxBodyBytes;

    BodyStep(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<Void> apply(Exchange exchange) {
        if (exchange.request == null) {
            return PASS; // a step test gives the body directly
        }
        Promise<Void> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        HttpServerRequest request = exchange.request;
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxBodyBytes) {
                request.handler(null);
                promise.tryFail(GatewayRejection.of(GatewayError.BODY_TOO_LARGE));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            exchange.bytesIn = body.length();
            exchange.body = body;
            promise.tryComplete();
        });
        request.exceptionHandler(promise::tryFail);
        return promise.future();
    }
}
