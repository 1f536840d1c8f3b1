package org.medops.integration.mllp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.time.ZoneId;

import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's MLLP port. Each connection has its own framing; ACKs are written on the connection's event
 * loop in the order its messages arrived (the writer completes them in order). A document change that keeps
 * the port is taken over in place, without closing connections.
 */
final class MllpListener implements SourceKind.Listening {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);
    private static final int FRAME_LIMIT = 16 * 1024 * 1024;
    private static final long IDLE_MILLIS = 500;

    private final Vertx vertx;
    private final Intake intake;
    private final ZoneId zone;
    private volatile DeployedChannel channel;
    private NetServer server;

    MllpListener(Vertx vertx, Intake intake, ZoneId zone, DeployedChannel channel) {
        this.vertx = vertx;
        this.intake = intake;
        this.zone = zone;
        this.channel = channel;
    }

    @Override
    public void start() {
        var source = channel.document().source();
        server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true).setReuseAddress(true)
                        .setIdleTimeout(0))
                .connectHandler(this::connected);
        await(server.listen(source.port(), source.host()));
        log.info("Integration channel {} (v{}) listening for MLLP on port {}", channel.code(), channel.state().version(),
                server.actualPort());
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

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Vert.x did not answer within 10 s", e);
        }
    }

    private void connected(NetSocket socket) {
        Context context = Vertx.currentContext();
        // Each answer waits for the one before it, so a connection's ACKs leave in the order of its messages.
        CompletableFuture<?>[] last = {CompletableFuture.completedFuture(null)};
        long[] idleTimer = {-1};
        MllpFraming framing = new MllpFraming(FRAME_LIMIT, piece -> {
            var answer = intake.take(channel.document(), piece.isBroken() ? Received.broken(piece.content(), piece.broken())
                    : Received.of(piece.content())).thenApply(taken -> taken.ackBytes(zone));
            CompletableFuture<?> previous = last[0];
            last[0] = previous.thenCombine(answer, (ignored, a) -> a).thenAccept(a -> context.runOnContext(v -> {
                Buffer frame = Buffer.buffer(a.length + 3).appendByte(MllpFraming.START).appendBytes(a)
                        .appendByte(MllpFraming.END).appendByte(MllpFraming.CR);
                socket.write(frame);
            })).exceptionally(e -> {
                log.warn("Channel {}: no answer could be written: {}", channel.code(), e.getMessage());
                return null;
            });
        });
        socket.handler(buffer -> {
            framing.feed(buffer.getBytes());
            if (idleTimer[0] >= 0) {
                vertx.cancelTimer(idleTimer[0]);
                idleTimer[0] = -1;
            }
            if (framing.hasOutside()) {
                idleTimer[0] = vertx.setTimer(IDLE_MILLIS, id -> {
                    idleTimer[0] = -1;
                    framing.idle();
                });
            }
        });
        socket.exceptionHandler(e -> log.debug("Channel {}: connection error {}", channel.code(), e.getMessage()));
    }
}
