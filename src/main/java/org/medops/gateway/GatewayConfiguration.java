package org.medops.gateway;

import java.time.Clock;

import javax.sql.DataSource;

import org.medops.catalog.Catalog;
import org.medops.shared.Secrets;
import org.medops.settings.Settings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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
                                ApplicationEventPublisher events, GatewayCallers callers) {
        return new GatewayServer(settings, catalog, secrets, dataSource, nodes, json, platform, clock, events, callers);
    }
}
