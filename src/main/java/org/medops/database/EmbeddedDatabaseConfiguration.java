package org.medops.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) throws IOException {
        if (!settings.embedded()) {
            return EmbeddedDatabase.none();
        }
        Path cluster = settings.dataDir().toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(cluster.getParent());
        log.info("Starting embedded PostgreSQL with its data in {}", cluster);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // Stopped by this bean's close, after everything that writes to it; a JVM hook of its
                // own would stop it first and leave the gateway's last access-log flush waiting.
                .setRegisterShutdownHook(false)
                .setPort(settings.embeddedPort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .start();
        return new EmbeddedDatabase(postgres);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("medops");
        dataSource.setMaximumPoolSize(20);
        if (settings.embedded()) {
            dataSource.setJdbcUrl(embedded.jdbcUrl());
            dataSource.setUsername("postgres");
        } else {
            dataSource.setJdbcUrl(settings.url());
            dataSource.setUsername(settings.username());
            dataSource.setPassword(settings.password());
        }
        return dataSource;
    }

    /** Holds the embedded server so that it stops after the pool that uses it has closed. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
