package org.medops.catalog;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A service as the API and the console submit it. Only code, name and one upstream are required;
 * everything else has a sensible hospital default.
 */
public record ServiceRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "{catalog.code.pattern}") String code,
        @NotBlank @Size(max = 128) String name,
        @Size(max = 2000) String description,
        @Size(max = 32) String owningSystem,
        @Size(max = 512) String upstreamUrl,
        @Size(max = 8) List<@Pattern(regexp = "https?://[^\\s]+", message = "{catalog.upstream.pattern}") String> upstreamUrls,
        @Size(max = 256) @Pattern(regexp = "(/[^\\s]*)?", message = "{catalog.rewrite.pattern}") String pathRewrite,
        Set<@Pattern(regexp = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS") String> allowedMethods,
        @Min(100) @Max(60000) Integer connectTimeoutMs,
        @Min(100) @Max(300000) Integer readTimeoutMs,
        @Min(0) @Max(3) Integer retries,
        @Valid BreakerRequest breaker,
        @Valid FallbackRequest fallback,
        @Min(1) @Max(100000) Integer rateLimitPerSecond,
        Boolean online,
        Boolean captureBodies,
        @Size(max = 32) List<@Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String> maskedFields) {

    public record BreakerRequest(@Min(1) @Max(100) int failureRatePercent, @Min(1) @Max(100) int slowCallRatePercent,
                          @Min(1) @Max(300000) int slowCallMillis, @Min(2) @Max(1000) int windowSize,
                          @Min(1) @Max(1000) int minimumCalls, @Min(1) @Max(3600) int openSeconds) {
    }

    public record FallbackRequest(@Min(200) @Max(599) int status, @NotBlank @Size(max = 128) String contentType,
                           @Size(max = 65536) String body) {
    }

    /** Fills the defaults; the upstream list wins over the single {@code upstreamUrl}. */
    /** The minimal service: code, name and one upstream; defaults for everything else. */
    public static ServiceRequest of(String code, String name, String owningSystem, String upstreamUrl) {
        return new ServiceRequest(code, name, null, owningSystem, upstreamUrl, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    ServiceDefinition toDefinition() {
        List<String> upstreams = upstreamUrls != null && !upstreamUrls.isEmpty() ? List.copyOf(upstreamUrls)
                : upstreamUrl == null || upstreamUrl.isBlank() ? List.of() : List.of(upstreamUrl.trim());
        ServiceDefinition.BreakerSettings breakerSettings = breaker == null
                ? ServiceDefinition.BreakerSettings.defaults()
                : new ServiceDefinition.BreakerSettings(breaker.failureRatePercent(), breaker.slowCallRatePercent(),
                        breaker.slowCallMillis(), breaker.windowSize(), breaker.minimumCalls(), breaker.openSeconds());
        ServiceDefinition.Fallback fallbackResponse = fallback == null ? null
                : new ServiceDefinition.Fallback(fallback.status(), fallback.contentType(), fallback.body());
        return new ServiceDefinition(code, name, description, owningSystem == null ? "OTHER" : owningSystem,
                upstreams, pathRewrite, allowedMethods == null || allowedMethods.isEmpty()
                        ? Set.of("GET", "POST", "PUT", "PATCH", "DELETE") : Set.copyOf(allowedMethods),
                connectTimeoutMs == null ? 2000 : connectTimeoutMs, readTimeoutMs == null ? 10000 : readTimeoutMs,
                retries == null ? 0 : retries, breakerSettings, fallbackResponse, rateLimitPerSecond,
                online == null || online, captureBodies != null && captureBodies,
                maskedFields == null ? List.of() : List.copyOf(maskedFields));
    }
}
