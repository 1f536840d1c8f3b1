package org.medops.integration.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts on the message path, in memory: the writer reports each committed message, a destination worker each
 * send. Every few seconds the counts are added to the rollup in one batch, so the message path never writes a row
 * of its own; a crash loses at most the counts of those seconds, never a message (the store has every one). The
 * same calls feed the Prometheus meters {@code medops_integration_messages_total} and
 * {@code medops_integration_delivery_seconds}. Labels are channel, destination and status only, never content.
 */
@Component
public class MessageCounters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageCounters.class);
    static final String INTAKE = "";

    /** What the writer decided for a message. */
    public enum Intake { FILTERED, QUEUED, ERRORED }

    /** What one send did: delivered, to be retried, or parked as a dead letter. */
    public enum Delivery { SENT, RETRIED, PARKED }

    private final StatisticsRollup rollup;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<StatisticsRollup.Key, Adders> pending = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile boolean running;

    MessageCounters(StatisticsRollup rollup, MeterRegistry meters, Clock clock) {
        this.rollup = rollup;
        this.meters = meters;
        this.clock = clock;
    }

    /** A committed message: received, and filtered, queued (for each of its destinations) or errored. */
    public void received(String channel, Intake intake, List<String> destinations) {
        Instant minute = minute();
        Adders in = adders(channel, INTAKE, minute);
        in.received.increment();
        count(channel, "received");
        switch (intake) {
            case FILTERED -> {
                in.filtered.increment();
                count(channel, "filtered");
            }
            case ERRORED -> {
                in.errored.increment();
                count(channel, "errored");
            }
            case QUEUED -> {
                in.queued.increment();
                count(channel, "queued");
                for (String destination : destinations) {
                    adders(channel, destination, minute).queued.increment();
                }
            }
        }
    }

    /** One send to a destination and what came of it, with the time the send took. */
    public void delivered(String channel, String destination, Delivery outcome, Duration took) {
        Adders d = adders(channel, destination, minute());
        d.latencySum.add(took.toMillis());
        d.latencyCount.increment();
        timers.computeIfAbsent(channel + '\u0000' + destination, k -> Timer.builder("medops.integration.delivery")
                        .description("Time of one send to a destination, whatever its outcome")
                        .tags("channel", channel, "destination", destination).publishPercentileHistogram()
                        .register(meters))
                .record(took.toNanos(), TimeUnit.NANOSECONDS);
        switch (outcome) {
            case SENT -> {
                d.sent.increment();
                count(channel, "sent");
            }
            case PARKED -> {
                d.errored.increment();
                count(channel, "errored");
            }
            case RETRIED -> d.retried.increment();
        }
    }

    private void count(String channel, String status) {
        counters.computeIfAbsent(channel + '\u0000' + status, k -> Counter.builder("medops.integration.messages")
                .description("Messages by channel and what became of them (sent and errored count deliveries)")
                .tags("channel", channel, "status", status).register(meters)).increment();
    }

    private Instant minute() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    private Adders adders(String channel, String destination, Instant minute) {
        return pending.computeIfAbsent(new StatisticsRollup.Key(channel, destination, minute), k -> new Adders());
    }

    /** Adds what was counted to the rollup; what could not be written is kept for the next round. */
    @Scheduled(fixedDelayString = "${medops.integration.statistics-flush:5s}",
            initialDelayString = "${medops.integration.statistics-flush:5s}")
    public synchronized void flush() {
        // Adders are reset in place (an increment racing the reset lands in this round or the next, never lost);
        // a minute is removed once nobody counts into it any more.
        Instant settled = minute().minus(2, ChronoUnit.MINUTES);
        Map<StatisticsRollup.Key, Counts> taken = new HashMap<>();
        for (Map.Entry<StatisticsRollup.Key, Adders> entry : List.copyOf(pending.entrySet())) {
            Counts counts = entry.getValue().sumThenReset();
            if (entry.getKey().minute().isBefore(settled)) {
                pending.remove(entry.getKey(), entry.getValue());
            }
            if (!counts.equals(Counts.ZERO)) {
                taken.merge(entry.getKey(), counts, Counts::plus);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            rollup.add(taken);
        } catch (RuntimeException e) {
            log.warn("Integration statistics not written this round, kept for the next ({})", e.getClass().getSimpleName());
            taken.forEach((key, counts) -> adders(key.channel(), key.destination(), key.minute()).add(counts));
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Writes the last counts when the node stops in order. */
    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the writer and the workers, which stop at higher phases. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 3000;
    }

    private static final class Adders {
        final LongAdder received = new LongAdder();
        final LongAdder filtered = new LongAdder();
        final LongAdder queued = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder errored = new LongAdder();
        final LongAdder retried = new LongAdder();
        final LongAdder latencySum = new LongAdder();
        final LongAdder latencyCount = new LongAdder();

        Counts sumThenReset() {
            return new Counts(received.sumThenReset(), filtered.sumThenReset(), queued.sumThenReset(),
                    sent.sumThenReset(), errored.sumThenReset(), retried.sumThenReset(), latencySum.sumThenReset(),
                    latencyCount.sumThenReset());
        }

        void add(Counts c) {
            received.add(c.received());
            filtered.add(c.filtered());
            queued.add(c.queued());
            sent.add(c.sent());
            errored.add(c.errored());
            retried.add(c.retried());
            latencySum.add(c.latencyMillisSum());
            latencyCount.add(c.latencyCount());
        }
    }
}
