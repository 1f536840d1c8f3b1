package org.medops.gateway;

import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.Future;

/** Step 1: a method the gateway speaks, and a path that cannot climb out of the granted service. */
final class RequestShapeStep implements GatewayStep {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** A "." or ".." segment, raw or percent-encoded: it could lead upstream outside the granted service. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2[eE]){1,2}(/|$)");

    @Override
    public Future<Void> apply(Exchange exchange) {
        if (!METHODS.contains(exchange.method)) {
            return GatewayStep.reject(GatewayError.METHOD_NOT_ALLOWED);
        }
        if (exchange.path.indexOf('\\') >= 0 || DOT_SEGMENT.matcher(exchange.path).find()) {
            return GatewayStep.reject(GatewayError.BAD_PATH);
        }
        return PASS;
    }
}
