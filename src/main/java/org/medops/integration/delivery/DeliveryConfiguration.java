package org.medops.integration.delivery;

import java.time.Clock;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.statistics.MessageCounters;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.QueueSignal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Delivery workers run where {@code medops.roles} includes {@code integration} (the default). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    @ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('integration')")
    DeliveryWorkers deliveryWorkers(ChannelDirectory channels, DeliveryQueue queue, QueueSignal signal,
                                    TransactionTemplate transactions, Breakers breakers, MessageCounters counters,
                                    Clock clock) {
        return new DeliveryWorkers(channels, queue, signal, transactions, breakers, counters, clock);
    }
}
