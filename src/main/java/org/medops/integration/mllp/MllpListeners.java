package org.medops.integration.mllp;

import java.util.HashMap;
import java.util.HashSet;
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
 * Keeps this node's MLLP listeners in line with the stored channels: every half second it compares each
 * channel's version and enabled flag with what runs, and starts, stops, re-binds (port changed) or updates in
 * place. Polling the small channel table also reaches every node, with no message bus.
 */
final class MllpListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MllpListeners.class);

    private final ChannelDirectory channels;
    private final Intake intake;
    private final Map<String, MllpListener> running = new HashMap<>();
    private final Map<String, Integer> failedVersions = new HashMap<>();
    private final Map<ChannelState, Boolean> mllpSources = new HashMap<>();
    private Vertx vertx;
    private ScheduledExecutorService deployer;

    MllpListeners(ChannelDirectory channels, Intake intake) {
        this.channels = channels;
        this.intake = intake;
    }

    @Override
    public void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
        deployer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integration-mllp-deployer");
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
                // Deployed once per version: a channel whose source is not MLLP (a database reader) is skipped.
                if (!mllpSources.computeIfAbsent(state, s -> channels.deployed(s.code())
                        .map(c -> c.document().source().isMllp()).orElse(false))) {
                    continue;
                }
                wanted.add(state.code());
                MllpListener listener = running.get(state.code());
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

    private void apply(MllpListener listener, DeployedChannel channel) {
        var source = channel.document().source();
        if (listener != null) {
            var before = listener.channel().document().source();
            if (before.port().equals(source.port()) && before.host().equals(source.host())) {
                listener.update(channel);
                return;
            }
            running.remove(channel.code()).stop();
        }
        MllpListener started = new MllpListener(vertx, intake, channel);
        try {
            started.start();
            running.put(channel.code(), started);
            failedVersions.remove(channel.code());
        } catch (Exception e) {
            // Not retried until the document changes: the port is taken by something else. Vert.x rethrows the
            // bind failure (a checked BindException) unchecked, so this catches Exception, else it would end the
            // deployer's schedule (or fail the node's start) without a word.
            failedVersions.put(channel.code(), channel.state().version());
            log.warn("Integration channel {} cannot listen on port {}: {}", channel.code(), source.port(), e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (deployer != null) {
            deployer.shutdownNow();
        }
        running.values().forEach(MllpListener::stop);
        running.clear();
        if (vertx != null) {
            MllpListener.await(vertx.close());
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
