package org.medops.integration.devices;

import java.time.Duration;
import java.util.Set;

import org.medops.integration.intake.ReceivedBytesPolicy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The channels marked as device interfaces keep the bytes their source received. Asked for every message, so the
 * set is read at most every few seconds (another node's marking is seen within that) and again at once after this
 * node commits a marking.
 */
@Component
class DeviceChannels implements ReceivedBytesPolicy {

    private static final long FRESH_NANOS = Duration.ofSeconds(3).toNanos();

    private final DeviceInterfaceStore store;
    private volatile Set<String> marked = Set.of();
    private volatile long readAt;
    private volatile boolean stale = true;

    DeviceChannels(DeviceInterfaceStore store) {
        this.store = store;
    }

    @Override
    public boolean keeps(String channel) {
        if (stale || System.nanoTime() - readAt > FRESH_NANOS) {
            read();
        }
        return marked.contains(channel);
    }

    private synchronized void read() {
        if (stale || System.nanoTime() - readAt > FRESH_NANOS) {
            stale = false;
            marked = store.channels();
            readAt = System.nanoTime();
        }
    }

    /** Called inside the transaction that marks or unmarks a channel: read again once it has committed. */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stale = true;
                }
            });
        } else {
            stale = true;
        }
    }
}
