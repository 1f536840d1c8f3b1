package org.medops.catalog;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog services that MedOps serves itself (payment, publication): channels call them through the gateway like any
 * upstream, so signatures, grants, limits and call logs apply, and the gateway proves to MedOps which channel it
 * admitted ({@code gateway.GatewayCallers}). Their upstream is the console's own address: {@code medops.builtin.base-url}
 * when set (required for gateway-only nodes and when the console sits behind its own address), else the local port of
 * the console on this node.
 */
@Component
public class BuiltInServices {

    private final Catalog catalog;
    private final Services services;
    private final String configuredBase;
    private volatile String localBase;

    BuiltInServices(Catalog catalog, Services services, @Value("${medops.builtin.base-url:}") String configuredBase) {
        this.catalog = catalog;
        this.services = services;
        this.configuredBase = configuredBase.endsWith("/")
                ? configuredBase.substring(0, configuredBase.length() - 1) : configuredBase;
    }

    @EventListener
    void on(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localBase = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    /** Where built-in services are served, if this node knows it. */
    public Optional<URI> base() {
        String base = configuredBase.isBlank() ? localBase : configuredBase;
        return Optional.ofNullable(base).map(URI::create);
    }

    /**
     * Makes sure the built-in service {@code code} exists with its upstream at {@code base() + pathPrefix}; moves the
     * upstream when the base changed (another port), keeps whatever else an administrator set since.
     */
    @Transactional
    public void ensure(String code, String name, String pathPrefix) {
        URI base = base().orElse(null);
        if (base == null) {
            return; // a gateway-only node: the console's node registers them
        }
        String upstream = base + pathPrefix;
        Optional<ServiceDefinition> existing = services.find(code);
        if (existing.isEmpty()) {
            catalog.createService(new ServiceRequest(code, name, null, "MEDOPS", null, List.of(upstream), null,
                    Set.of("GET", "POST"), null, null, null, null, null, null, true, false, null));
        } else if (!existing.get().upstreamUrls().equals(List.of(upstream))) {
            ServiceDefinition s = existing.get();
            catalog.updateService(code, new ServiceRequest(s.code(), s.name(), s.description(), s.owningSystem(), null,
                    List.of(upstream), s.pathRewrite(), s.allowedMethods(), s.connectTimeoutMs(), s.readTimeoutMs(),
                    s.retries(), breaker(s.breaker()), fallback(s.fallback()), s.rateLimitPerSecond(), s.online(),
                    s.captureBodies(), s.maskedFields()));
        }
    }

    private static ServiceRequest.BreakerRequest breaker(ServiceDefinition.BreakerSettings b) {
        return new ServiceRequest.BreakerRequest(b.failureRatePercent(), b.slowCallRatePercent(), b.slowCallMillis(),
                b.windowSize(), b.minimumCalls(), b.openSeconds());
    }

    private static ServiceRequest.FallbackRequest fallback(ServiceDefinition.Fallback f) {
        return f == null ? null : new ServiceRequest.FallbackRequest(f.status(), f.contentType(), f.body());
    }
}
