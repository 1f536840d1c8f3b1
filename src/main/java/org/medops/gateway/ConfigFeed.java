package org.medops.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.medops.catalog.Catalog;
import org.medops.catalog.GatewayConfig;
import org.medops.shared.Secrets;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this node's routing table current: LISTENs for catalog changes (applied well within a
 * second), polls as a safety net, writes each version to local disk and starts from that copy when
 * the database is unreachable. Also reports the node's heartbeat and breaker states.
 */
final class ConfigFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigFeed.class);

    private final Catalog catalog;
    private final Secrets secrets;
    private final DataSource dataSource;
    private final GatewayNodes nodes;
    private final JsonMapper json;
    private final Path cacheFile;
    private final String nodeId;
    private final Clock clock;
    private final Instant startedAt;
    private final GatewayMetrics metrics;
    private final AtomicReference<RoutingTable> current = new AtomicReference<>(RoutingTable.empty());
    private final Thread listener;
    private volatile boolean running = true;

    ConfigFeed(Catalog catalog, Secrets secrets, DataSource dataSource, GatewayNodes nodes, JsonMapper json,
               Path cacheDir, String nodeId, Clock clock, GatewayMetrics metrics) throws IOException {
        this.metrics = metrics;
        this.catalog = catalog;
        this.secrets = secrets;
        this.dataSource = dataSource;
        this.nodes = nodes;
        this.json = json;
        this.nodeId = nodeId;
        this.clock = clock;
        this.startedAt = clock.instant();
        Files.createDirectories(cacheDir);
        this.cacheFile = cacheDir.resolve("config.json");
        loadInitial();
        this.listener = new Thread(this::listen, "medops-config-feed");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    RoutingTable current() {
        return current.get();
    }

    private void loadInitial() {
        try {
            apply(catalog.snapshot());
        } catch (RuntimeException e) {
            if (Files.exists(cacheFile)) {
                try {
                    GatewayConfig cached = json.readValue(Files.readString(cacheFile), GatewayConfig.class);
                    current.set(RoutingTable.compile(cached, RoutingTable.empty(), secrets));
                    metrics.refresh(current.get(), System.nanoTime());
                    log.warn("Database unreachable ({}); serving cached configuration version {}", e.toString(),
                            cached.version());
                } catch (IOException io) {
                    log.error("Database unreachable and the cached configuration is unreadable", io);
                }
            } else {
                log.error("Database unreachable and no cached configuration yet; serving nothing until it returns", e);
            }
        }
    }

    /** Applies a newer snapshot; in-flight requests keep the table they started with. */
    private synchronized void apply(GatewayConfig config) {
        RoutingTable previous = current.get();
        if (config.version() == previous.version() && previous.version() != 0) {
            return;
        }
        current.set(RoutingTable.compile(config, previous, secrets));
        try {
            Path temp = cacheFile.resolveSibling("config.json.tmp");
            Files.writeString(temp, json.writeValueAsString(config));
            Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot cache configuration version {} on disk: {}", config.version(), e.toString());
        }
        metrics.refresh(current.get(), System.nanoTime());
        log.info("Gateway node {} now serves configuration version {}", nodeId, config.version());
    }

    private void listen() {
        long lastPoll = 0;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + Catalog.CONFIG_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                refresh();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    long now = System.currentTimeMillis();
                    if ((notifications != null && notifications.length > 0) || now - lastPoll > 5000) {
                        refresh();
                    }
                    if (now - lastPoll > 5000) {
                        heartbeat();
                        lastPoll = now;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Configuration feed lost the database ({}); serving version {} meanwhile", e.toString(),
                            current.get().version());
                    metrics.refresh(current.get(), System.nanoTime()); // breakers and upstreams still move
                    pause(1000);
                }
            }
        }
    }

    private void refresh() {
        if (catalog.currentVersion() != current.get().version()) {
            apply(catalog.snapshot());
            heartbeat(); // the nodes page shows the new version at once, not at the next beat
        }
    }

    private void heartbeat() {
        Map<String, ServiceReport> breakers = new TreeMap<>();
        long now = System.nanoTime();
        for (ServiceRuntime service : current.get().services()) {
            breakers.put(service.definition().code(), service.report(now));
        }
        nodes.report(nodeId, startedAt, current.get().version(), breakers);
        metrics.refresh(current.get(), now);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
    }
}
