package org.medops.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service page's form: lists are typed one per line, so it binds plain strings and becomes a
 * {@link ServiceRequest}, validated by the same rules as the API.
 */
record ServiceForm(String code, String name, String description, String owningSystem, String upstreamUrls,
                   String pathRewrite, Set<String> allowedMethods, Integer connectTimeoutMs, Integer readTimeoutMs,
                   Integer retries, Integer rateLimitPerSecond, int failureRatePercent, int slowCallRatePercent,
                   int slowCallMillis, int windowSize, int minimumCalls, int openSeconds, Integer fallbackStatus,
                   String fallbackContentType, String fallbackBody, boolean online, boolean captureBodies,
                   String maskedFields) {

    static final List<String> SYSTEMS = List.of("HIS", "LIS", "PACS", "RIS", "EMR", "CIS", "医保", "财务", "MEDOPS", "OTHER");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    static ServiceForm blank() {
        ServiceDefinition.BreakerSettings b = ServiceDefinition.BreakerSettings.defaults();
        return new ServiceForm("", "", "", "HIS", "", "", new TreeSet<>(Set.of("GET", "POST")), 2000, 10000, 0, null,
                b.failureRatePercent(), b.slowCallRatePercent(), b.slowCallMillis(), b.windowSize(), b.minimumCalls(),
                b.openSeconds(), null, "application/json", "", true, false, "");
    }

    static ServiceForm of(ServiceDefinition s) {
        ServiceDefinition.BreakerSettings b = s.breaker();
        ServiceDefinition.Fallback f = s.fallback();
        return new ServiceForm(s.code(), s.name(), s.description(), s.owningSystem(), String.join("\n", s.upstreamUrls()),
                s.pathRewrite(), new TreeSet<>(s.allowedMethods()), s.connectTimeoutMs(), s.readTimeoutMs(), s.retries(),
                s.rateLimitPerSecond(), b.failureRatePercent(), b.slowCallRatePercent(), b.slowCallMillis(),
                b.windowSize(), b.minimumCalls(), b.openSeconds(), f == null ? null : f.status(),
                f == null ? "application/json" : f.contentType(), f == null ? "" : f.body(), s.online(),
                s.captureBodies(), String.join("\n", s.maskedFields()));
    }

    ServiceRequest toRequest() {
        ServiceRequest.FallbackRequest fallback = fallbackStatus == null ? null
                : new ServiceRequest.FallbackRequest(fallbackStatus, blankTo(fallbackContentType, "application/json"),
                        fallbackBody);
        return new ServiceRequest(code == null ? null : code.trim(), name, description, owningSystem, null,
                lines(upstreamUrls), blankTo(pathRewrite, null), allowedMethods, connectTimeoutMs, readTimeoutMs, retries,
                new ServiceRequest.BreakerRequest(failureRatePercent, slowCallRatePercent, slowCallMillis, windowSize,
                        minimumCalls, openSeconds),
                fallback, rateLimitPerSecond, online, captureBodies, lines(maskedFields));
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,]+")).map(String::trim)
                .filter(line -> !line.isEmpty()).toList();
    }

    private static String blankTo(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.trim();
    }
}
