package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.medops.MedopsApplication;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway-only node (no servlet server) answers Kubernetes probes and Prometheus on its management port: a real
 * second Spring context on the test's PostgreSQL, real HTTP.
 */
@MedopsTest
class GatewayManagementIT {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    GatewayServer consoleGateway;

    @Test
    void aGatewayOnlyNodeServesHealthProbesAndGuardedMetrics() throws Exception {
        String name = "mgmt-" + UUID.randomUUID().toString().substring(0, 6);
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(MedopsApplication.class).run(
                "--medops.roles=gateway", "--medops.gateway.port=0", "--medops.gateway.management-port=0",
                "--medops.db.url=" + dataSource.getJdbcUrl(), "--medops.db.username=" + dataSource.getUsername(),
                "--medops.db.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword()),
                "--medops.gateway.node-id=" + name, "--medops.db.data-dir=target/test-data/" + name,
                "--medops.metrics.token=node-scrape-token", "--logging.level.root=warn",
                "--medops.secret-key=q83vEjRWeJHL5UgOtFmq0ffHL7rtTTJ3h6mqGxhp9WU=")) {
            assertThat(node.getBeansOfType(GatewayManagement.class)).hasSize(1);
            int port = node.getBean(GatewayManagement.class).port();
            HttpClient http = HttpClient.newHttpClient();

            assertThat(get(http, port, "/health/liveness", null).statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(http, port, "/health/readiness", null);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("UP");

            assertThat(get(http, port, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(http, port, "/metrics", "not-the-token").statusCode()).isEqualTo(401);
            HttpResponse<String> scrape = get(http, port, "/metrics", "node-scrape-token");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("medops_gateway_config_version{node=\"" + name + "\"}",
                    "medops_gateway_access_log_queue{node=\"" + name + "\"}", "jvm_memory_used_bytes");
            assertThat(get(http, port, "/anything", "node-scrape-token").statusCode()).isEqualTo(404);
        }
        assertThat(consoleGateway.isRunning()).isTrue();
    }

    @Test
    void theConsoleNodeHasNoSecondManagementPort(@Autowired ApplicationContext context) {
        assertThat(context.getBeansOfType(GatewayManagement.class)).as("the actuator serves health and metrics where the console runs").isEmpty();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
