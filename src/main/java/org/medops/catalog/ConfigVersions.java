package org.medops.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The gateway configuration's version: one row, moved on by every catalog change and announced to the nodes. */
@Repository
class ConfigVersions {

    private final JdbcClient jdbc;

    ConfigVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long current() {
        return jdbc.sql("select version from gateway_config_version where id = 1").query(Long.class).single();
    }

    /** The next version, announced on {@link Catalog#CONFIG_CHANNEL}. */
    long advance() {
        long version = jdbc.sql("update gateway_config_version set version = version + 1 where id = 1 returning version")
                .query(Long.class).single();
        // Delivered on commit only, so nodes never read a version that is not there yet.
        jdbc.sql("select pg_notify(:channel, :version)")
                .param("channel", Catalog.CONFIG_CHANNEL)
                .param("version", Long.toString(version))
                .query(Object.class).single();
        return version;
    }
}
