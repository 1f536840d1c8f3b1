package org.medops.integration.delivery;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.channels.ChannelState;
import org.medops.integration.statistics.MessageCounters;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.QueueSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One worker thread per destination of every stored channel (a disabled channel takes no messages but still
 * delivers what it queued), kept in line with the documents every half second.
 */
final class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    private final ChannelDirectory channels;
    private final DeliveryQueue queue;
    private final QueueSignal signal;
    private final TransactionTemplate transactions;
    private final Breakers breakers;
    private final MessageCounters counters;
    private final Clock clock;
    private final Map<String, DestinationWorker> workers = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private ScheduledExecutorService deployer;

    DeliveryWorkers(ChannelDirectory channels, DeliveryQueue queue, QueueSignal signal, TransactionTemplate transactions,
                    Breakers breakers, MessageCounters counters, Clock clock) {
        this.channels = channels;
        this.queue = queue;
        this.signal = signal;
        this.transactions = transactions;
        this.breakers = breakers;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void start() {
        deployer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integration-delivery-deployer");
            t.setDaemon(true);
            return t;
        });
        deployer.scheduleWithFixedDelay(this::deploy, 0, 500, TimeUnit.MILLISECONDS);
    }

    synchronized void deploy() {
        try {
            Set<String> wanted = new HashSet<>();
            for (ChannelState state : channels.states()) {
                Integer deployed = versions.get(state.code());
                if (deployed != null && deployed == state.version()) {
                    workers.keySet().stream().filter(k -> k.startsWith(state.code() + "/")).forEach(wanted::add);
                    continue;
                }
                var channel = channels.deployed(state.code()).orElse(null);
                if (channel == null) {
                    continue;
                }
                for (ChannelDocument.Destination destination : channel.document().destinations()) {
                    String key = state.code() + "/" + destination.name();
                    wanted.add(key);
                    DestinationWorker worker = workers.get(key);
                    if (worker != null) {
                        worker.update(destination);
                    } else {
                        start(key, state.code(), destination);
                    }
                }
                versions.put(state.code(), state.version());
            }
            for (String key : Set.copyOf(workers.keySet())) {
                if (!wanted.contains(key)) {
                    workers.remove(key).stop();
                    String[] parts = key.split("/", 2);
                    breakers.forget(parts[0], parts[1]);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Integration delivery workers not deployed this round: {}", e.getMessage());
        }
    }

    private void start(String key, String channel, ChannelDocument.Destination destination) {
        DestinationWorker worker = new DestinationWorker(channel, destination, queue, signal, transactions, breakers,
                counters, clock);
        Thread thread = new Thread(worker, "integration-delivery-" + key);
        thread.setDaemon(true);
        thread.start();
        workers.put(key, worker);
    }

    @Override
    public synchronized void stop() {
        if (deployer != null) {
            deployer.shutdownNow();
            deployer = null;
        }
        workers.values().forEach(DestinationWorker::stop);
        workers.clear();
        versions.clear();
    }

    @Override
    public boolean isRunning() {
        return deployer != null;
    }
}
