package org.medops.database;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource for the whole application: the external PostgreSQL when configured, otherwise an
 * embedded PostgreSQL whose cluster lives under the data directory and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) throws IOException {
        if (!settings.embedded()) {
            return EmbeddedDatabase.none();
        }
        return new EmbeddedDatabase(EmbeddedPostgresServer.start(settings.dataDir(),
                new EmbeddedPostgresServer.Options(settings.embeddedPort(), Duration.ofSeconds(60),
                        settings.embeddedRestartDelay(), settings.synchronousCommit())));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("medops");
        dataSource.setMaximumPoolSize(20);
        // Fail fast when the database is away: requests answer "unavailable" instead of queueing.
        dataSource.setConnectionTimeout(settings.connectionTimeout().toMillis());
        dataSource.setValidationTimeout(Math.min(1000, settings.connectionTimeout().toMillis()));
        dataSource.addDataSourceProperty("connectTimeout", "2");
        dataSource.addDataSourceProperty("tcpKeepAlive", "true");
        dataSource.setJdbcUrl(jdbcUrl(settings, embedded));
        dataSource.setUsername(username(settings));
        dataSource.setPassword(password(settings, embedded));
        return dataSource;
    }

    @Bean(destroyMethod = "close")
    DatabaseStatus databaseStatus(DatabaseSettings settings, EmbeddedDatabase embedded, HikariDataSource dataSource,
                                  Clock clock) {
        // Created after the pool, so that it closes before it and the server.
        return new DatabaseStatus(jdbcUrl(settings, embedded), username(settings),
                password(settings, embedded), Duration.ofMillis(500), clock);
    }

    /** Named so that it replaces Spring Boot's pooled-connection indicator as the {@code db} component. */
    @Bean
    DatabaseHealth dbHealthIndicator(DatabaseStatus status) {
        return new DatabaseHealth(status);
    }

    private static String jdbcUrl(DatabaseSettings settings, EmbeddedDatabase embedded) {
        return settings.embedded() ? embedded.server.jdbcUrl() : settings.url();
    }

    private static String username(DatabaseSettings settings) {
        return settings.embedded() ? "postgres" : settings.username();
    }

    private static String password(DatabaseSettings settings, EmbeddedDatabase embedded) {
        return settings.embedded() ? embedded.server.password() : settings.password();
    }

    /** Holds the embedded server so that it stops after the pool that uses it has closed. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgresServer server;

        EmbeddedDatabase(EmbeddedPostgresServer server) {
            this.server = server;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
