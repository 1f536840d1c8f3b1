package org.medops.inspection.backups;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MedOps's own database as backups see it: connections from the pool, where it is (for {@code pg_dump} and for a
 * scratch database on the same server), session advisory locks that end with their connection (so a killed node
 * never leaves one behind), and the scratch databases of the backup check.
 */
@Component
class LiveDatabase {

    /** Session-level advisory locks: one backup, one check at a time across every node. */
    static final long BACKUP_LOCK = 0x1d7e_2026_0035L;
    static final long CHECK_LOCK = 0x1d7e_2026_0036L;
    static final String SCRATCH_PREFIX = "medops_check_";
    private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/?]*)/([^?]*)(\\?.*)?$");

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    LiveDatabase(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** A connection holding {@code lock}, or null when another session holds it. */
    Connection locked(long lock) throws SQLException {
        Connection connection = connection();
        try {
            if (JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true))
                    .sql("select pg_try_advisory_lock(:lock)").param("lock", lock).query(Boolean.class).single()) {
                return connection;
            }
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return null;
    }

    static void unlock(Connection connection, long lock) throws SQLException {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true))
                    .sql("select pg_advisory_unlock(:lock)").param("lock", lock).query(Boolean.class).single();
        }
    }

    private HikariDataSource pool() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the backups need MedOps's connection pool", e);
        }
    }

    String username() {
        return pool().getUsername();
    }

    String password() {
        return pool().getPassword();
    }

    String jdbcUrl() {
        return pool().getJdbcUrl();
    }

    /** The same server's URL for another database. */
    String jdbcUrl(String database) {
        Matcher m = URL.matcher(jdbcUrl());
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL");
        }
        return "jdbc:postgresql://" + m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** A libpq connection URI (no password: {@code PGPASSWORD} carries it) for {@code pg_dump} and {@code pg_restore}. */
    String libpqUri(String database) {
        Matcher m = URL.matcher(jdbcUrl());
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL");
        }
        String db = database == null ? m.group(2) : database;
        return "postgresql://" + java.net.URLEncoder.encode(username(), java.nio.charset.StandardCharsets.UTF_8)
                + "@" + m.group(1) + "/" + db;
    }

    Connection connect(String database) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", username());
        if (password() != null) {
            properties.setProperty("password", password());
        }
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    void createScratch(String name) {
        jdbc.sql("create database " + SchemaCatalog.quote(name)).update();
    }

    void dropScratch(String name) {
        jdbc.sql("drop database if exists " + SchemaCatalog.quote(name) + " with (force)").update();
    }

    /** Scratch databases a check left behind when its process ended. */
    List<String> leftoverScratch() {
        return jdbc.sql("select datname from pg_database where datname like :prefix")
                .param("prefix", SCRATCH_PREFIX + "%").query(String.class).list();
    }

    Long liveCount(String table) {
        boolean exists = Boolean.TRUE.equals(jdbc.sql("select to_regclass(:name) is not null")
                .param("name", SchemaCatalog.quote(table)).query(Boolean.class).single());
        return exists ? jdbc.sql("select count(*) from " + SchemaCatalog.quote(table)).query(Long.class).single() : null;
    }
}
