package org.medops.integration.delivery;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * One worker thread per destination lane of every stored channel (a disabled channel takes no messages but still
 * delivers what it queued), kept in line with the documents every half second. Every integration node runs them;
 * the lease decides which node's worker sends. The lease keeper renews the held leases every
 * {@link Lease#RENEWAL} on a thread of its own, so that a slow send does not let a lease lapse.
 */
final class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    private final ChannelDirectory channels;
    private final DeliveryQueue queue;
    private final QueueSignal signal;
    private final TransactionTemplate transactions;
    private final Breakers breakers;
    private final Leases leases;
    private final String node;
    private final MessageCounters counters;
    private final Clock clock;
    private final SenderKinds senders;
    private final Map<LaneId, DestinationWorker> workers = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private ScheduledExecutorService deployer;
    private ScheduledExecutorService keeper;

    DeliveryWorkers(ChannelDirectory channels, DeliveryQueue queue, QueueSignal signal, TransactionTemplate transactions,
                    Breakers breakers, Leases leases, MessageCounters counters, String node, Clock clock,
                    SenderKinds senders) {
        this.counters = counters;
        this.channels = channels;
        this.queue = queue;
        this.signal = signal;
        this.transactions = transactions;
        this.breakers = breakers;
        this.leases = leases;
        this.node = node;
        this.clock = clock;
        this.senders = senders;
    }

    @Override
    public void start() {
        deployer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integration-delivery-deployer");
            t.setDaemon(true);
            return t;
        });
        deployer.scheduleWithFixedDelay(this::deploy, 0, 500, TimeUnit.MILLISECONDS);
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integration-delivery-leases");
            t.setDaemon(true);
            return t;
        });
        long renewal = Lease.RENEWAL.toMillis();
        keeper.scheduleWithFixedDelay(this::renewLeases, renewal, renewal, TimeUnit.MILLISECONDS);
        log.info("Integration delivery on node {}", node);
    }

    private void renewLeases() {
        workers.values().forEach(worker -> worker.lease().renew());
    }

    synchronized void deploy() {
        try {
            Set<LaneId> wanted = new HashSet<>();
            for (ChannelState state : channels.states()) {
                Integer deployed = versions.get(state.code());
                if (deployed != null && deployed == state.version()) {
                    workers.keySet().stream().filter(k -> k.channel().equals(state.code())).forEach(wanted::add);
                    continue;
                }
                var channel = channels.deployed(state.code()).orElse(null);
                if (channel == null) {
                    continue;
                }
                for (ChannelDocument.Destination destination : channel.document().destinations()) {
                    for (int lane = 0; lane < destination.lanes(); lane++) {
                        LaneId key = new LaneId(state.code(), destination.name(), lane);
                        wanted.add(key);
                        DestinationWorker worker = workers.get(key);
                        if (worker != null) {
                            worker.update(destination);
                        } else {
                            start(key, destination);
                        }
                    }
                }
                versions.put(state.code(), state.version());
            }
            Set<String> destinationsLeft = new HashSet<>();
            wanted.forEach(k -> destinationsLeft.add(k.channel() + "/" + k.destination()));
            for (LaneId key : Set.copyOf(workers.keySet())) {
                if (!wanted.contains(key)) {
                    workers.remove(key).stop();
                    if (!destinationsLeft.contains(key.channel() + "/" + key.destination())) {
                        breakers.forget(key.channel(), key.destination());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Integration delivery workers not deployed this round: {}", e.getMessage());
        }
    }

    private void start(LaneId key, ChannelDocument.Destination destination) {
        DestinationWorker worker = new DestinationWorker(key, destination, queue, signal, transactions, breakers, leases,
                counters, node, clock, senders.forWorker());
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
        if (keeper != null) {
            keeper.shutdownNow();
            keeper = null;
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
