package org.medops.integration.mllp;

import java.time.Clock;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.store.DeliveryOutcomes;
import org.medops.integration.store.MessageWriter;
import org.medops.integration.transform.Processing;
import org.medops.settings.Settings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MLLP listeners run where {@code medops.roles} includes {@code integration} (the default). */
@Configuration(proxyBeanMethods = false)
class MllpConfiguration {

    @Bean
    @ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('integration')")
    MllpListeners mllpListeners(ChannelDirectory channels, MessageWriter writer, Processing processing,
                                DeliveryOutcomes outcomes, Settings settings, Clock clock) {
        return new MllpListeners(channels, new Intake(writer, processing, outcomes, clock, settings.current().zone()));
    }
}
