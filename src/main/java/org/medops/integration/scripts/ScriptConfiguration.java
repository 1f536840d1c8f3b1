package org.medops.integration.scripts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One sandbox per node, with the limits of {@code medops.integration.scripts.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScriptLimits.class)
class ScriptConfiguration {

    @Bean
    Sandbox sandbox(ScriptLimits limits) {
        return new Sandbox(limits);
    }
}
