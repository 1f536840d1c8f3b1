package org.medops.integration.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.statistics.MessageCounters;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.Outgoing;
import org.medops.integration.store.QueueEntry;
import org.medops.integration.store.QueueSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one destination's queue in order: take the head (locked), send, record, next. The lock is held
 * for the send, so a crash before the commit leaves the entry at the head: it is sent again after a restart with
 * the same {@code X-MedOps-Message-Id}, which a receiver uses to drop the rare duplicate.
 */
final class DestinationWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DestinationWorker.class);
    private static final long IDLE_WAIT_MILLIS = 1000;

    private final String channel;
    private final DeliveryQueue queue;
    private final QueueSignal signal;
    private final TransactionTemplate transactions;
    private final Breakers breakers;
    private final MessageCounters counters;
    private final Clock clock;
    private final HttpSender sender = new HttpSender();
    private volatile ChannelDocument.Destination destination;
    private volatile boolean running = true;

    DestinationWorker(String channel, ChannelDocument.Destination destination, DeliveryQueue queue, QueueSignal signal,
                      TransactionTemplate transactions, Breakers breakers, MessageCounters counters, Clock clock) {
        this.channel = channel;
        this.destination = destination;
        this.queue = queue;
        this.signal = signal;
        this.transactions = transactions;
        this.breakers = breakers;
        this.counters = counters;
        this.clock = clock;
    }

    void update(ChannelDocument.Destination changed) {
        this.destination = changed;
    }

    ChannelDocument.Destination destination() {
        return destination;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                long ticket = signal.ticket(channel);
                long waitMillis = transactions.execute(status -> attempt());
                if (waitMillis > 0) {
                    signal.await(channel, ticket, Math.min(waitMillis, IDLE_WAIT_MILLIS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The kind only: a database error may quote the row, and the row holds message content.
                log.warn("Channel {} destination {}: delivery round failed ({})", channel, destination.name(),
                        e.getClass().getSimpleName());
                sleep(1000);
            }
        }
    }

    /** One step; answers how long to wait before the next (0: go on at once). */
    private long attempt() {
        ChannelDocument.Destination target = destination;
        QueueEntry head = queue.head(channel, target.name()).orElse(null);
        if (head == null) {
            return IDLE_WAIT_MILLIS;
        }
        Instant now = clock.instant();
        if (head.nextAttemptAt().isAfter(now)) {
            return Math.max(1, Duration.between(now, head.nextAttemptAt()).toMillis());
        }
        CircuitBreaker breaker = breakers.of(channel, target);
        if (!breaker.tryAcquirePermission()) {
            return 200;
        }
        Outgoing message = queue.content(head.message());
        long started = System.nanoTime();
        HttpSender.Result result;
        try {
            result = sender.send(target, message);
        } catch (InterruptedException e) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
        long took = System.nanoTime() - started;
        Instant done = clock.instant();
        int attempts = head.attempts() + 1;
        counters.delivered(channel, target.name(), result.delivered() ? MessageCounters.Delivery.SENT
                : result.rejected() && attempts > target.retry().rejections() ? MessageCounters.Delivery.PARKED
                : MessageCounters.Delivery.RETRIED, Duration.ofNanos(took));
        if (result.delivered()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            queue.sent(head, target.name(), message.body(), result.body(), done);
            return 0;
        }
        if (result.rejected()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            if (attempts > target.retry().rejections()) {
                log.warn("Channel {} destination {}: message {} parked after {} rejection(s) ({})", channel, target.name(),
                        message.id(), attempts, result.describe());
                queue.park(head, target.name(), message.body(), result.body(), result.describe(), done);
                return 0;
            }
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(result.describe()));
        }
        Duration wait = Backoff.after(attempts, target.retry());
        queue.retry(head, target.name(), message.body(), result.body(), result.describe(), done.plus(wait), done);
        return Math.max(1, wait.toMillis());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
