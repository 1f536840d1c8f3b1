package org.medops.integration.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Wakes a channel's delivery workers on this node as soon as the writer committed new queue entries,
 * so that they need not poll the database in a tight loop.
 */
@Component
public class QueueSignal {

    private final ConcurrentHashMap<String, Bell> bells = new ConcurrentHashMap<>();

    public void ring(String channel) {
        Bell bell = bells.get(channel);
        if (bell != null) {
            bell.ring();
        }
    }

    /** Take a ticket before looking at the queue, then {@link #await} with it: a ring in between is not missed. */
    public long ticket(String channel) {
        return bells.computeIfAbsent(channel, c -> new Bell()).rings();
    }

    /** Waits until the channel rang after the ticket was taken, or the time is up. */
    public void await(String channel, long ticket, long millis) throws InterruptedException {
        bells.computeIfAbsent(channel, c -> new Bell()).await(ticket, millis);
    }

    private static final class Bell {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition rung = lock.newCondition();
        private long rings;

        void ring() {
            lock.lock();
            try {
                rings++;
                rung.signalAll();
            } finally {
                lock.unlock();
            }
        }

        long rings() {
            lock.lock();
            try {
                return rings;
            } finally {
                lock.unlock();
            }
        }

        void await(long seen, long millis) throws InterruptedException {
            lock.lock();
            try {
                long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
                while (rings == seen && nanos > 0) {
                    nanos = rung.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
