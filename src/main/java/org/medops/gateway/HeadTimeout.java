package org.medops.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request head (request line and headers) must arrive within {@code medops.gateway.header-timeout}
 * of its first byte, or of the connection's opening for the first request: otherwise the connection
 * gets a 408 {@code MEDOPS-HEADER-TIMEOUT} and is closed. The idle timeout alone restarts with every
 * byte, so a client sending one byte every few seconds could hold a connection (and its memory) for ever.
 * Waiting between keep-alive requests is not timed here; the idle timeout covers it.
 *
 * <p>Two Netty handlers around Vert.x's HTTP/1 decoder: the one before it sees raw bytes (a new head
 * begins), the one after it sees the decoded head (stop the clock) and the end of each request. Starting
 * and stopping the clock only sets a deadline: one periodic sweep per event loop closes the connections
 * whose deadline has passed, so no timer is created or cancelled per request.
 */
final class HeadTimeout {

    private static final Logger log = LoggerFactory.getLogger(HeadTimeout.class);
    private static final String DECODER = "httpDecoder";

    private final long timeoutMillis;
    private final long timeoutNanos;
    /** How often each event loop sweeps: a tenth of the timeout, so a head is cut at most 10 % late. */
    private final long sweepMillis;
    private final byte[] answer;
    private final Map<EventExecutor, Sweep> sweeps = new ConcurrentHashMap<>();

    HeadTimeout(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.timeoutNanos = timeout.toNanos();
        this.sweepMillis = Math.max(10, timeoutMillis / 10);
        String body = GatewayError.HEADER_TIMEOUT.body("-");
        this.answer = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Connection: close\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Called by the server's connection handler, before the connection reads anything (the server runs
     * without h2c, so the HTTP/1 pipeline is complete when the connection is announced).
     */
    void watch(HttpConnection connection) {
        if (timeoutMillis <= 0 || !(connection instanceof io.vertx.core.net.impl.ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channel().pipeline();
        if (pipeline.get(DECODER) == null) {
            return;
        }
        Clock clock = new Clock();
        pipeline.addBefore(DECODER, "medopsHeadBytes", clock.bytes);
        pipeline.addAfter(DECODER, "medopsHeadDecoded", clock.decoded);
    }

    /** The connections of one event loop; touched only on that loop. */
    private final class Sweep implements Runnable {
        private final Set<Clock> clocks = new HashSet<>();
        private final EventExecutor loop;
        private ScheduledFuture<?> task;

        Sweep(EventExecutor loop) {
            this.loop = loop;
        }

        void add(Clock clock) {
            clocks.add(clock);
            if (task == null) {
                task = loop.scheduleWithFixedDelay(this, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
            }
        }

        void remove(Clock clock) {
            clocks.remove(clock);
        }

        @Override
        public void run() {
            if (clocks.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            for (Iterator<Clock> it = clocks.iterator(); it.hasNext(); ) {
                Clock clock = it.next();
                if (clock.deadline != 0 && now - clock.deadline >= 0) {
                    it.remove();
                    clock.expire();
                }
            }
        }
    }

    /** One per connection; all its methods run on the connection's event loop. */
    private final class Clock {
        /** Between two requests of a keep-alive connection: the next byte starts a head. */
        private boolean betweenRequests;
        /** System.nanoTime() by which the head must be complete; 0 while no head is being received. */
        private long deadline;
        private ChannelHandlerContext raw;
        private Sweep sweep;

        final ChannelDuplexHandler bytes = new ChannelDuplexHandler() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                raw = ctx;
                sweep = sweeps.computeIfAbsent(ctx.executor(), Sweep::new);
                sweep.add(Clock.this);
                start();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (betweenRequests && message instanceof ByteBuf buffer && buffer.isReadable()) {
                    betweenRequests = false;
                    start();
                }
                ctx.fireChannelRead(message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                sweep.remove(Clock.this);
                ctx.fireChannelInactive();
            }
        };

        final ChannelInboundHandlerAdapter decoded = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (message instanceof HttpRequest) {
                    stop();
                    betweenRequests = false;
                }
                if (message instanceof LastHttpContent) {
                    betweenRequests = true;
                }
                ctx.fireChannelRead(message);
            }
        };

        private void start() {
            long at = System.nanoTime() + timeoutNanos;
            deadline = at == 0 ? 1 : at;
        }

        private void stop() {
            deadline = 0;
        }

        private void expire() {
            deadline = 0;
            if (raw.channel().isActive()) {
                log.debug("Request head from {} not complete after {} ms; closing", raw.channel().remoteAddress(),
                        timeoutMillis);
                raw.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
