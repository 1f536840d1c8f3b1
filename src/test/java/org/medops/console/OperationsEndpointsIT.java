package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and integrators reach without signing in (health, the API description) and with the scrape token (metrics). */
@MedopsTest
class OperationsEndpointsIT {

    @LocalServerPort
    int port;

    @Test
    void reportsHealthWithTheDatabase() {
        Api.Response health = new Api(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsToTheScrapeTokenOnly() {
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(401);
        Api.Response metrics = new Api(port).withToken("test-scrape-token-2026").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void describesTheRestApiInOpenApi() {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/users", "/api/v1/auth/token", "/api/v1/audit/verify", "/api/v1/services",
                        "/api/v1/channels/{code}/grants");
    }

    @Test
    void answersAnUnknownApiPathWithProblemDetails() {
        Api.Response missing = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}
