package org.medops.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url      JDBC URL of an external PostgreSQL; blank means "run the embedded one"
 * @param dataDir  where the embedded PostgreSQL keeps its cluster (under {@code pg/})
 * @param embeddedPort port of the embedded server; 0 picks a free one at each start
 */
@ConfigurationProperties("medops.db")
record DatabaseSettings(String url, String username, String password, Path dataDir, int embeddedPort) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
