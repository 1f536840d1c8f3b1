package org.medops.integration.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.statistics.MessageCounters;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.QueueSignal;
import org.springframework.beans.factory.annotation.Value;
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
                                    TransactionTemplate transactions, Breakers breakers, Leases leases,
                                    MessageCounters counters, Clock clock,
                                    SenderKinds senders,
                                    @Value("${medops.integration.node-id:${MEDOPS_NODE_ID:}}") String nodeId) {
        return new DeliveryWorkers(channels, queue, signal, transactions, breakers, leases, counters, node(nodeId), clock,
                senders);
    }

    /** The configured node id, else host name and process id: two JVMs on one host are two nodes. */
    static String node(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
