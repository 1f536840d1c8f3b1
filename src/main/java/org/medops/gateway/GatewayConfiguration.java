package org.medops.gateway;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.medops.catalog.Catalog;
import org.springframework.beans.factory.ObjectProvider;
import org.medops.shared.Secrets;
import org.medops.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The gateway runs where {@code medops.roles} includes {@code gateway} (the default). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {

    @Bean
    @ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('gateway')")
    GatewayServer gatewayServer(GatewaySettings settings, Catalog catalog, Secrets secrets, DataSource dataSource,
                                GatewayNodes nodes, JsonMapper json, Settings platform, Clock clock,
                                ApplicationEventPublisher events, GatewayCallers callers,
                                ObjectProvider<MeterRegistry> meters) {
        // Without the actuator's registry (a module test) the meters are kept but not published.
        return new GatewayServer(settings, catalog, secrets, dataSource, nodes, json, platform, clock, events, callers,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Only where there is no console: its actuator serves health and metrics otherwise. */
    @Bean
    @ConditionalOnNotWebApplication
    @ConditionalOnBean(GatewayServer.class)
    GatewayManagement gatewayManagement(GatewayServer gateway, ObjectProvider<PrometheusMeterRegistry> prometheus,
                                        @Value("${medops.metrics.token:}") String scrapeToken,
                                        @Value("${medops.gateway.management-port:9081}") int port) {
        return new GatewayManagement(gateway, prometheus.getIfAvailable(), scrapeToken, port);
    }
}
