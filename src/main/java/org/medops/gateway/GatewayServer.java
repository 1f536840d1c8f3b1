package org.medops.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.medops.catalog.Catalog;
import org.medops.shared.Secrets;
import org.medops.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/** Starts and stops one gateway node: Vert.x server, upstream client pool, config feed, access log. */
final class GatewayServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewaySettings settings;
    private final Catalog catalog;
    private final Secrets secrets;
    private final DataSource dataSource;
    private final GatewayNodes nodes;
    private final JsonMapper json;
    private final Settings platform;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GatewayCallers callers;

    private Vertx vertx;
    private HttpServer server;
    private ConfigFeed feed;
    private AccessLogWriter accessLog;
    private HikariDataSource accessLogPool;
    private AccessLogMaintenance maintenance;
    private Redis redis;
    private volatile ProxyHandler proxy;
    private volatile boolean running;
    private int actualPort;
    private String nodeId;

    GatewayServer(GatewaySettings settings, Catalog catalog, Secrets secrets, DataSource dataSource, GatewayNodes nodes,
                  JsonMapper json, Settings platform, Clock clock, ApplicationEventPublisher events,
                  GatewayCallers callers) {
        this.settings = settings;
        this.catalog = catalog;
        this.secrets = secrets;
        this.dataSource = dataSource;
        this.nodes = nodes;
        this.json = json;
        this.platform = platform;
        this.clock = clock;
        this.events = events;
        this.callers = callers;
    }

    @Override
    public void start() {
        try {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops() > 0
                    ? settings.eventLoops() : Runtime.getRuntime().availableProcessors()));
            HeadTimeout headTimeout = new HeadTimeout(settings.headerTimeout());
            // HTTP/1.1 only: without h2c the pipeline is complete when a connection is announced, so the
            // head timeout watches it from its first byte.
            HttpServer bound = vertx.createHttpServer(new HttpServerOptions()
                            .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS)
                            .setMaxInitialLineLength(8192).setDecompressionSupported(false)
                            .setHttp2ClearTextEnabled(false))
                    .connectionHandler(headTimeout::watch)
                    .requestHandler(request -> {
                        ProxyHandler handler = proxy;
                        if (handler == null) {
                            request.response().setStatusCode(503).end();
                        } else {
                            handler.handle(request);
                        }
                    });
            // Bind first so that the node id carries the real port.
            server = bound.listen(settings.port(), "0.0.0.0").await(30, TimeUnit.SECONDS);
            actualPort = server.actualPort();
            nodeId = settings.nodeId() == null || settings.nodeId().isBlank()
                    ? InetAddress.getLocalHost().getHostName() + ":" + actualPort : settings.nodeId();
            accessLogPool = accessLogPool(dataSource);
            accessLog = new AccessLogWriter(accessLogPool == null ? dataSource : accessLogPool,
                    settings.cacheDir().resolve("access-log-" + actualPort),
                    settings.accessLogBatch(), settings.accessLogFlush());
            feed = new ConfigFeed(catalog, secrets, dataSource, nodes, json, settings.cacheDir(), nodeId, clock);
            maintenance = new AccessLogMaintenance(new AccessLogPartitions(dataSource),
                    settings.accessLogRetentionDays(), clock);
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                            .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true).setDecompressionSupported(false)
                            .setMaxInitialLineLength(8192),
                    new PoolOptions().setHttp1MaxSize(200).setMaxWaitQueueSize(10_000));
            proxy = new ProxyHandler(feed, client, limiter(), accessLog, settings, nodeId, clock, platform.current().zone(),
                    callers);
            running = true;
            log.info("Gateway node {} listening on port {}", nodeId, actualPort);
            events.publishEvent(new GatewayStarted(nodeId, actualPort));
        } catch (Exception e) {
            throw new IllegalStateException("Gateway cannot start on port " + settings.port(), e);
        }
    }

    /**
     * The access-log writer's own two connections, with one-second time-outs: when the database
     * stops answering, the writer learns it in a second and leaves records to the journal, instead
     * of waiting on the shared pool (and taking its connections from the console).
     */
    private static HikariDataSource accessLogPool(DataSource shared) {
        if (!(shared instanceof HikariDataSource main)) {
            return null;
        }
        HikariConfig config = new HikariConfig();
        main.copyStateTo(config);
        Properties properties = new Properties();
        properties.putAll(main.getDataSourceProperties());
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("socketTimeout", "30");
        config.setDataSourceProperties(properties);
        config.setPoolName("medops-access-log");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        config.setMetricsTrackerFactory(null); // the shared pool's metrics, not this one's
        return new HikariDataSource(config);
    }

    private Limiter limiter() {
        LocalLimiter local = new LocalLimiter(settings.nonceWindow());
        if (settings.redisUrl() == null || settings.redisUrl().isBlank()) {
            return local;
        }
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(settings.redisUrl())
                .setMaxPoolSize(16).setMaxPoolWaiting(10_000));
        log.info("Gateway limits are cluster-wide through Redis");
        return new RedisLimiter(RedisAPI.api(redis), local, settings.nonceWindow());
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (server != null) {
                server.close().await(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("Gateway server did not close cleanly: {}", e.toString());
        }
        if (maintenance != null) {
            maintenance.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (accessLog != null) {
            accessLog.close();
        }
        if (accessLogPool != null) {
            accessLogPool.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (vertx != null) {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Vert.x did not close cleanly: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database and the web server; stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    int port() {
        return actualPort;
    }

    String nodeId() {
        return nodeId;
    }

    ConfigFeed feed() {
        return feed;
    }

    AccessLogWriter accessLog() {
        return accessLog;
    }
}
