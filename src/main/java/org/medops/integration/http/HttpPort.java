package org.medops.integration.http;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A channel's HTTP port on Vert.x, whatever it speaks (plain HTTP, FHIR): listen, take a changed document over in
 * place (open connections stay), close. Subclasses answer the requests.
 */
abstract class HttpPort implements SourceKind.Listening {

    private static final Logger log = LoggerFactory.getLogger(HttpPort.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Vertx vertx;
    private final String protocol;
    private volatile DeployedChannel channel;
    private HttpServer server;

    HttpPort(Vertx vertx, String protocol, DeployedChannel channel) {
        this.vertx = vertx;
        this.protocol = protocol;
        this.channel = channel;
    }

    abstract void request(HttpServerRequest request);

    @Override
    public void start() {
        var source = channel.document().source();
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true).setReuseAddress(true)
                        .setHandle100ContinueAutomatically(true))
                .requestHandler(this::request);
        await(server.listen(source.port(), source.host()));
        log.info("Integration channel {} (v{}) listening for {} on port {} at {}", channel.code(),
                channel.state().version(), protocol, server.actualPort(), source.path());
    }

    @Override
    public void update(DeployedChannel changed) {
        this.channel = changed;
    }

    @Override
    public DeployedChannel channel() {
        return channel;
    }

    @Override
    public void stop() {
        if (server != null) {
            await(server.close());
            log.info("Integration channel {} stopped listening", channel.code());
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Vert.x did not answer within 10 s", e);
        }
    }
}
