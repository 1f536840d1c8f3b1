package org.medops.integration.jdbc;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelState;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.PollLocks;
import org.medops.integration.targets.JdbcTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's database sources in line with the stored channels, as the MLLP listeners are: every half
 * second it starts a poller for each enabled channel whose source is {@code DATABASE}, updates a changed one in
 * place (rescheduled when its interval changed) and stops those disabled or gone.
 */
final class DatabaseSources implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSources.class);

    private final ChannelDirectory channels;
    private final JdbcTargets targets;
    private final DatabaseIntake intake;
    private final PollLocks locks;
    private final TransactionTemplate transactions;
    private final Map<String, Running> running = new HashMap<>();
    private final Map<ChannelState, Boolean> databaseSources = new HashMap<>();
    private ScheduledExecutorService deployer;
    private ScheduledExecutorService pollers;

    DatabaseSources(ChannelDirectory channels, JdbcTargets targets, DatabaseIntake intake, PollLocks locks,
                    TransactionTemplate transactions) {
        this.channels = channels;
        this.targets = targets;
        this.intake = intake;
        this.locks = locks;
        this.transactions = transactions;
    }

    @Override
    public synchronized void start() {
        pollers = Executors.newScheduledThreadPool(2, daemon("integration-db-source"));
        deployer = Executors.newSingleThreadScheduledExecutor(daemon("integration-db-deployer"));
        deployer.scheduleWithFixedDelay(this::deploy, 0, 500, TimeUnit.MILLISECONDS);
    }

    synchronized void deploy() {
        try {
            Set<String> wanted = new HashSet<>();
            for (ChannelState state : channels.states()) {
                if (!state.enabled() || !databaseSources.computeIfAbsent(state, s -> channels.deployed(s.code())
                        .map(c -> "DATABASE".equals(c.document().source().type())).orElse(false))) {
                    continue;
                }
                wanted.add(state.code());
                Running current = running.get(state.code());
                if (current != null && current.poller().channel().state().equals(state)) {
                    continue;
                }
                channels.deployed(state.code()).ifPresent(channel -> apply(current, channel));
            }
            for (String code : Set.copyOf(running.keySet())) {
                if (!wanted.contains(code)) {
                    running.remove(code).task().cancel(false);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Integration database sources not deployed this round: {}", e.getClass().getSimpleName());
        }
    }

    private void apply(Running current, DeployedChannel channel) {
        Duration interval = channel.document().source().interval();
        if (current != null && current.interval().equals(interval)) {
            current.poller().update(channel);
            return;
        }
        if (current != null) {
            current.task().cancel(false);
        }
        DatabasePoller poller = current != null ? current.poller() : new DatabasePoller(channel, targets, intake, locks, transactions);
        poller.update(channel);
        ScheduledFuture<?> task = pollers.scheduleWithFixedDelay(() -> poll(poller), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        running.put(channel.code(), new Running(poller, interval, task));
    }

    private static void poll(DatabasePoller poller) {
        try {
            poller.poll();
        } catch (RuntimeException e) {
            // The kind only: a database error may quote row values.
            log.warn("Channel {}: database source not read this round ({})", poller.channel().code(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (deployer != null) {
            deployer.shutdownNow();
            deployer = null;
        }
        running.values().forEach(r -> r.task().cancel(false));
        running.clear();
        if (pollers != null) {
            pollers.shutdown();
            try {
                pollers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pollers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return deployer != null;
    }

    /** Pollers stop before the message writer they submit to. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private record Running(DatabasePoller poller, Duration interval, ScheduledFuture<?> task) {
    }
}
