package org.medops.integration.intake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelState;
import org.medops.integration.channels.DeployedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this node's sources in line with the stored channels: every half second it compares each channel's
 * version and enabled flag with what runs, and starts, stops, re-binds (port, host or directory changed) or updates
 * in place. Polling the small channel table also reaches every node, with no message bus. A {@code CHANNEL}
 * source has no listener: channel writers hand it messages directly.
 */
final class SourceListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SourceListeners.class);

    private final ChannelDirectory channels;
    private final Map<String, SourceKind> kinds = new HashMap<>();
    private final Map<String, SourceKind.Listening> running = new HashMap<>();
    private final Map<String, Integer> failedVersions = new HashMap<>();
    private final Map<ChannelState, Boolean> listenedSources = new HashMap<>();
    private Vertx vertx;
    private ScheduledExecutorService deployer;

    SourceListeners(ChannelDirectory channels, List<SourceKind> kinds) {
        this.channels = channels;
        kinds.forEach(kind -> this.kinds.put(kind.type(), kind));
    }

    @Override
    public void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
        deployer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integration-source-deployer");
            t.setDaemon(true);
            return t;
        });
        deploy();
        deployer.scheduleWithFixedDelay(this::deploy, 500, 500, TimeUnit.MILLISECONDS);
    }

    synchronized void deploy() {
        try {
            Set<String> wanted = new HashSet<>();
            for (ChannelState state : channels.states()) {
                if (!state.enabled()) {
                    continue;
                }
                // Looked up once per version: a source no kind here listens for (a database reader polls by itself).
                if (!listenedSources.computeIfAbsent(state, s -> channels.deployed(s.code())
                        .map(c -> kinds.containsKey(c.document().source().type())).orElse(false))) {
                    continue;
                }
                wanted.add(state.code());
                SourceKind.Listening listener = running.get(state.code());
                if (listener != null && listener.channel().state().equals(state)
                        || state.version() == failedVersions.getOrDefault(state.code(), -1)) {
                    continue;
                }
                channels.deployed(state.code()).ifPresent(channel -> apply(listener, channel));
            }
            for (String code : Set.copyOf(running.keySet())) {
                if (!wanted.contains(code)) {
                    running.remove(code).stop();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Integration channels not deployed this round: {}", e.getMessage());
        }
    }

    private void apply(SourceKind.Listening listener, DeployedChannel channel) {
        var source = channel.document().source();
        if (listener != null) {
            if (listener.channel().document().source().sameBinding(source)) {
                listener.update(channel);
                return;
            }
            running.remove(channel.code()).stop();
        }
        SourceKind kind = kinds.get(source.type());
        if (kind == null) {
            // Nothing listens (a CHANNEL source); not looked at again until the document changes.
            failedVersions.put(channel.code(), channel.state().version());
            return;
        }
        SourceKind.Listening started = kind.listener(vertx, channel);
        try {
            started.start();
            running.put(channel.code(), started);
            failedVersions.remove(channel.code());
        } catch (Exception e) {
            // Not retried until the document changes: the port is taken by something else. Vert.x rethrows the
            // bind failure (a checked BindException) unchecked, so this catches Exception, else it would end the
            // deployer's schedule (or fail the node's start) without a word.
            failedVersions.put(channel.code(), channel.state().version());
            log.warn("Integration channel {} cannot start its {} source: {}", channel.code(), source.type(), e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (deployer != null) {
            deployer.shutdownNow();
        }
        running.values().forEach(SourceKind.Listening::stop);
        running.clear();
        if (vertx != null) {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("Vert.x did not close within 10 s");
            }
            vertx = null;
        }
    }

    @Override
    public boolean isRunning() {
        return vertx != null;
    }

    /** Listeners stop before the message writer they submit to. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
