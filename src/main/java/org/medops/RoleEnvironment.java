package org.medops;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code medops.roles} decides what one JVM runs. Without the console role there is no servlet
 * server at all: a gateway-only node serves port 9080 and nothing else.
 */
class RoleEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String roles = environment.getProperty("medops.roles", "console,gateway,integration");
        if (!roles.contains("console")) {
            environment.getPropertySources().addFirst(new MapPropertySource("medops-roles",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}
