package org.medops.integration.jdbc;

import java.time.Clock;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.intake.PollLocks;
import org.medops.integration.store.MessageWriter;
import org.medops.integration.targets.JdbcTargets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Database sources poll where {@code medops.roles} includes {@code integration} (the default). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('integration')")
    DatabaseSources databaseSources(ChannelDirectory channels, JdbcTargets targets, MessageWriter writer, PollLocks locks,
                                    TransactionTemplate transactions, Clock clock) {
        return new DatabaseSources(channels, targets, new DatabaseIntake(writer, clock), locks, transactions);
    }
}
