package org.medops.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url               JDBC URL of an external PostgreSQL; blank means "run the embedded one"
 * @param dataDir           where the embedded PostgreSQL keeps its cluster (under {@code pg/})
 * @param embeddedPort      port of the embedded server; 0 picks a free one at each start
 * @param connectionTimeout longest wait for a pooled connection: an unreachable database answers
 *                          "unavailable" after this, not after Hikari's default 30 s
 * @param synchronousCommit the embedded server's {@code synchronous_commit} (see docs/reliability.md)
 * @param embeddedRestartDelay how long a crashed embedded server stays down before it is started again
 */
@ConfigurationProperties("medops.db")
record DatabaseSettings(String url, String username, String password, Path dataDir, int embeddedPort,
                        Duration connectionTimeout, String synchronousCommit, Duration embeddedRestartDelay) {

    DatabaseSettings {
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(2) : connectionTimeout;
        synchronousCommit = synchronousCommit == null || synchronousCommit.isBlank() ? "on" : synchronousCommit;
        embeddedRestartDelay = embeddedRestartDelay == null ? Duration.ofSeconds(1) : embeddedRestartDelay;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
