package org.medops.integration.intake;

import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sources listen where {@code medops.roles} includes {@code integration} (the default). */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    @ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('integration')")
    SourceListeners sourceListeners(ChannelDirectory channels, List<SourceKind> kinds) {
        return new SourceListeners(channels, kinds);
    }
}
