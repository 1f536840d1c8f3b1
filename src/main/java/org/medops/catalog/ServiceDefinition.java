package org.medops.catalog;

import java.util.List;
import java.util.Set;

/**
 * One hospital API published through the gateway: {@code /{code}/…} is proxied to its upstreams.
 *
 * @param pathRewrite prefix that replaces {@code /{code}} upstream; blank strips the code
 * @param retries     extra attempts for idempotent methods only
 * @param rateLimitPerSecond calls per second over all channels; null means unlimited
 * @param maskedFields JSON fields masked in captured bodies, on top of ID-card and phone numbers
 */
public record ServiceDefinition(
        String code, String name, String description, String owningSystem, List<String> upstreamUrls,
        String pathRewrite, Set<String> allowedMethods, int connectTimeoutMs, int readTimeoutMs, int retries,
        BreakerSettings breaker, Fallback fallback, Integer rateLimitPerSecond, boolean online,
        boolean captureBodies, List<String> maskedFields) {

    /** Resilience settings of the service's circuit breaker (熔断). */
    public record BreakerSettings(int failureRatePercent, int slowCallRatePercent, int slowCallMillis,
                                  int windowSize, int minimumCalls, int openSeconds) {
        public static BreakerSettings defaults() {
            return new BreakerSettings(50, 100, 5000, 20, 10, 30);
        }
    }

    /** What callers get while the breaker is open, so their main flow keeps working. */
    public record Fallback(int status, String contentType, String body) {
    }

    public boolean allows(String method) {
        return allowedMethods.contains(method);
    }

    /** The path upstream for a path received at the gateway, e.g. {@code /his/patients/1}. */
    public String upstreamPath(String receivedPath) {
        String rest = receivedPath.substring(code.length() + 1);
        String prefix = pathRewrite == null || pathRewrite.isBlank() ? "" : stripTrailingSlash(pathRewrite);
        String path = prefix + rest;
        return path.isEmpty() ? "/" : path;
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
