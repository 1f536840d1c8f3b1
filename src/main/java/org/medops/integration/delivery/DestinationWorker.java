package org.medops.integration.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.statistics.MessageCounters;
import org.medops.integration.store.DeliveryAttempt;
import org.medops.integration.store.DeliveryQueue;
import org.medops.integration.store.Outgoing;
import org.medops.integration.store.QueueEntry;
import org.medops.integration.store.QueueSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one lane of a destination's queue (the whole queue unless parallel) while this node holds its lease:
 * read a batch in order (no lock: only the holder reads it), send its entries one by one with no transaction or
 * connection held, stop at the first that fails (nothing overtakes it), then record all outcomes in one
 * transaction. A crash between send and record sends those few again with the same {@code X-MedOps-Message-Id}:
 * at-least-once plus the receiver's idempotency.
 */
final class DestinationWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DestinationWorker.class);
    static final int BATCH = 100;
    private static final long GATHER_MILLIS = 5;
    /**
     * A batch is also closed after this long, so that what a crash can make the next holder send again (the sent
     * but not yet recorded entries) stays a short stretch even for a slow partner.
     */
    private static final long BATCH_NANOS = Duration.ofMillis(250).toNanos();
    /** Entries queued on another node ring no bell here: the holder looks again this often. */
    private static final long IDLE_WAIT_MILLIS = 500;
    private static final long STANDBY_POLL_MILLIS = 1000;
    private static final long OPEN_BREAKER_WAIT_MILLIS = 200;

    private final LaneId lane;
    private final String channel;
    private final DeliveryQueue queue;
    private final QueueSignal signal;
    private final TransactionTemplate transactions;
    private final Breakers breakers;
    private final MessageCounters counters;
    private final Clock clock;
    private final Lease lease;
    private final Sender sender;
    private volatile ChannelDocument.Destination destination;
    private volatile boolean running = true;
    private int lastBatch;
    private String breakerWritten = "CLOSED";

    DestinationWorker(LaneId lane, ChannelDocument.Destination destination, DeliveryQueue queue, QueueSignal signal,
                      TransactionTemplate transactions, Breakers breakers, Leases leases, MessageCounters counters,
                      String node, Clock clock, Sender sender) {
        this.counters = counters;
        this.lane = lane;
        this.channel = lane.channel();
        this.destination = destination;
        this.queue = queue;
        this.signal = signal;
        this.transactions = transactions;
        this.breakers = breakers;
        this.clock = clock;
        this.lease = new Lease(lane, node, leases, this::breakerState);
        this.sender = sender;
    }

    void update(ChannelDocument.Destination changed) {
        this.destination = changed;
    }

    ChannelDocument.Destination destination() {
        return destination;
    }

    Lease lease() {
        return lease;
    }

    void stop() {
        running = false;
        sender.close();
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    if (!lease.held() && !lease.take()) {
                        Thread.sleep(STANDBY_POLL_MILLIS);
                        continue;
                    }
                    long ticket = signal.ticket(channel);
                    long waitMillis = round();
                    publishBreaker();
                    if (waitMillis > 0) {
                        signal.await(channel, ticket, Math.min(waitMillis, IDLE_WAIT_MILLIS));
                    } else if (lastBatch < BATCH) {
                        // A steady stream would otherwise cost a round (three queries and a transaction) every few
                        // messages, competing with the intake's commits: let the next batch gather for a moment.
                        Thread.sleep(GATHER_MILLIS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // The kind only: a database error may quote the row, and the row holds message content.
                    log.warn("Delivery {}: round failed ({})", lane, e.getClass().getSimpleName());
                    sleep(1000);
                }
            }
        } finally {
            lease.release();
        }
    }

    /** One batch; answers how long to wait before the next (0: go on at once). */
    private long round() throws InterruptedException {
        ChannelDocument.Destination target = destination;
        List<QueueEntry> batch = queue.batch(channel, target.name(), lane.lane(), target.lanes(), BATCH);
        lastBatch = batch.size();
        if (batch.isEmpty()) {
            return IDLE_WAIT_MILLIS;
        }
        CircuitBreaker breaker = breakers.of(channel, target);
        // One query for the batch's content, not one per message: the send loop then touches no database.
        Map<Long, Outgoing> contents = queue.contents(batch, target.name());
        List<DeliveryAttempt> done = new ArrayList<>(batch.size());
        long waitMillis = 0;
        long started = System.nanoTime();
        try {
            for (QueueEntry entry : batch) {
                if (!done.isEmpty() && System.nanoTime() - started > BATCH_NANOS) {
                    break;
                }
                Instant now = clock.instant();
                if (!entry.dueAt(now)) {
                    waitMillis = Math.max(1, Duration.between(now, entry.nextAttemptAt()).toMillis());
                    break;
                }
                if (!running || !lease.held()) {
                    break;
                }
                if (!breaker.tryAcquirePermission()) {
                    waitMillis = OPEN_BREAKER_WAIT_MILLIS;
                    break;
                }
                long sendStarted = System.nanoTime();
                DeliveryAttempt attempt = send(target, breaker, entry, contents.get(entry.messageId()));
                counters.delivered(channel, target.name(), switch (attempt.outcome()) {
                    case SENT -> MessageCounters.Delivery.SENT;
                    case RETRY -> MessageCounters.Delivery.RETRIED;
                    case PARKED -> MessageCounters.Delivery.PARKED;
                }, Duration.ofNanos(System.nanoTime() - sendStarted));
                done.add(attempt);
                if (attempt.outcome() == DeliveryAttempt.Outcome.RETRY) {
                    waitMillis = Math.max(1, Duration.between(attempt.at(), attempt.next()).toMillis());
                    break;
                }
            }
        } finally {
            // Also after an interrupt or a failed content read: what was sent is recorded.
            if (!done.isEmpty()) {
                transactions.executeWithoutResult(status -> queue.record(target.name(), done));
            }
        }
        return waitMillis;
    }

    private DeliveryAttempt send(ChannelDocument.Destination target, CircuitBreaker breaker, QueueEntry entry,
                                 Outgoing message) throws InterruptedException {
        if (message == null) {
            breaker.releasePermission();
            return new DeliveryAttempt(entry, DeliveryAttempt.Outcome.PARKED, null, null, "message content not found",
                    null, clock.instant());
        }
        long started = System.nanoTime();
        Sender.Result result;
        try {
            result = sender.send(target, message);
        } catch (InterruptedException e) {
            breaker.releasePermission();
            throw e;
        }
        long took = System.nanoTime() - started;
        Instant at = clock.instant();
        int attempts = entry.attempts() + 1;
        if (result.delivered()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            return new DeliveryAttempt(entry, DeliveryAttempt.Outcome.SENT, message.body(), result.body(), null, null, at);
        }
        if (result.rejected()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            if (attempts > target.retry().rejections()) {
                // Not the reason: an MLLP partner's MSA-3 or a FHIR server's diagnostics may quote the patient.
                log.warn("Channel {} destination {}: message {} parked after {} rejection(s)", channel, target.name(),
                        message.id(), attempts);
                return new DeliveryAttempt(entry, DeliveryAttempt.Outcome.PARKED, message.body(), result.body(),
                        result.describe(), null, at);
            }
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(result.describe()));
        }
        Duration wait = Backoff.after(attempts, target.retry());
        return new DeliveryAttempt(entry, DeliveryAttempt.Outcome.RETRY, message.body(), result.body(), result.describe(),
                at.plus(wait), at);
    }

    private String breakerState() {
        String state = breakers.state(channel, destination.name());
        return "UNKNOWN".equals(state) ? "CLOSED" : state;
    }

    /** A breaker that opened or closed shows on every node at once, not only at the next renewal. */
    private void publishBreaker() {
        String state = breakerState();
        if (!state.equals(breakerWritten) && lease.held()) {
            lease.take();
            breakerWritten = state;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
