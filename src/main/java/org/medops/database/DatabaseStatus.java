package org.medops.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, known at all times without waiting for it: a probe opens a connection
 * of its own (outside the pool, with one-second time-outs) twice a second. Health and the
 * console read this instead of discovering an outage by waiting for a pool time-out per request.
 */
public final class DatabaseStatus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatus.class);

    private final String url;
    private final Properties properties;
    private final Duration interval;
    private final Clock clock;
    private final Thread probe;
    private volatile boolean running = true;
    private volatile Instant unavailableSince;
    private volatile long lastCheck;

    DatabaseStatus(String url, String username, String password, Duration interval, Clock clock) {
        this.url = url;
        this.interval = interval;
        this.clock = clock;
        this.properties = new Properties();
        properties.setProperty("user", username);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("loginTimeout", "2");
        properties.setProperty("socketTimeout", "2");
        properties.setProperty("ApplicationName", "medops-status-probe");
        check();
        this.probe = new Thread(this::run, "medops-database-status");
        this.probe.setDaemon(true);
        this.probe.start();
    }

    /** False from the first failed probe until the next one that succeeds (at most half a second apart). */
    public boolean available() {
        return unavailableSince == null;
    }

    /**
     * Checks again now unless a check ran in the last 200 ms: for health, which must not report a
     * database that died since the last probe as up. Takes at most about a second.
     */
    public boolean availableNow() {
        if (System.nanoTime() - lastCheck > 200_000_000L) {
            check();
        }
        return available();
    }

    /** When the current outage began, or null while the database answers. */
    public Instant unavailableSince() {
        return unavailableSince;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            check();
        }
    }

    private synchronized void check() {
        lastCheck = System.nanoTime();
        // A new connection each time: a backend of a killed postmaster can go on answering an old one
        // for a while, but nobody accepts a new one.
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (!connection.isValid(1)) {
                throw new SQLException("validation failed");
            }
            if (unavailableSince != null) {
                log.info("Database is available again (down since {})", unavailableSince);
            }
            unavailableSince = null;
        } catch (SQLException | RuntimeException e) {
            if (unavailableSince == null) {
                unavailableSince = clock.instant();
                log.error("Database is unavailable: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (probe != null) {
            probe.interrupt();
        }
    }
}
