package org.medops.gateway;

import org.medops.catalog.ServiceDefinition;

/**
 * Why a pipeline step stopped a call: the {@link GatewayError} the caller gets, plus what goes with
 * it (a Retry-After, or the fallback the open circuit answers with). Thrown often under attack or
 * overload, so it carries no stack trace.
 */
final class GatewayRejection extends RuntimeException {

    private final GatewayError error;
    private final String retryAfter;
    private final ServiceDefinition.Fallback fallback;

    private GatewayRejection(GatewayError error, String retryAfter, ServiceDefinition.Fallback fallback) {
        super(error.code(), null, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
        this.fallback = fallback;
    }

    static GatewayRejection of(GatewayError error) {
        return new GatewayRejection(error, null, null);
    }

    static GatewayRejection retryAfter(GatewayError error, long seconds) {
        return new GatewayRejection(error, Long.toString(seconds), null);
    }

    static GatewayRejection circuitOpen(ServiceDefinition.Fallback fallback) {
        return new GatewayRejection(GatewayError.CIRCUIT_OPEN, null, fallback);
    }

    GatewayError error() {
        return error;
    }

    /** Seconds for the Retry-After header, or null. */
    String retryAfterSeconds() {
        return retryAfter;
    }

    /** The configured answer while the circuit is open, or null (then the caller gets 503). */
    ServiceDefinition.Fallback fallback() {
        return fallback;
    }
}
