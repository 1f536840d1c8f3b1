package org.medops.integration.store;

import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a source when its stored message reached its destinations, for the response modes that answer only then
 * (after all destinations, or with one destination's response). Whichever node delivers — the queue may be
 * consumed on another one — the answer is in the delivery rows, so one thread reads them for every waiting message
 * at once, {@link #POLL_MILLIS} apart: one query per round, however many senders wait.
 */
@Component
public class DeliveryOutcomes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);
    static final long POLL_MILLIS = 20;

    private final JdbcClient jdbc;
    private final ConcurrentLinkedQueue<Waiting> arriving = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;

    DeliveryOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the destinations did with a message: all sent, one parked it, or not done yet when the time ran out. */
    public record Outcome(Kind kind, String response, String error) {

        public enum Kind { DELIVERED, PARKED, PENDING }
    }

    /**
     * Completes when every one of {@code destinations} sent the message ({@code response}: that of {@code answering},
     * if named), when one parked it, or after {@code timeout} (PENDING: it stays queued and will be delivered).
     */
    public CompletableFuture<Outcome> when(MessageId message, Set<String> destinations, String answering, Duration timeout) {
        Waiting waiting = new Waiting(message, destinations, answering, System.nanoTime() + timeout.toNanos(),
                new CompletableFuture<>());
        arriving.add(waiting);
        return waiting.done();
    }

    private record Waiting(MessageId message, Set<String> destinations, String answering, long deadline,
                           CompletableFuture<Outcome> done) {
    }

    private record Row(long id, String destination, String status, String response, String error) {
    }

    private void run() {
        List<Waiting> waiting = new ArrayList<>();
        while (thread != null) {
            try {
                Thread.sleep(POLL_MILLIS);
                for (Waiting w; (w = arriving.poll()) != null; ) {
                    waiting.add(w);
                }
                if (!waiting.isEmpty()) {
                    round(waiting);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // Kind only: the rows hold message content. The waiting messages are asked again next round.
                log.warn("Reading delivery outcomes failed ({})", e.getClass().getSimpleName());
            }
        }
        waiting.forEach(w -> w.done().complete(new Outcome(Outcome.Kind.PENDING, null, "the node is stopping")));
    }

    private void round(List<Waiting> waiting) {
        Map<Long, List<Row>> rows = new HashMap<>();
        jdbc.sql("""
                        select message_id as id, destination, status, response, error from integration_deliveries
                        where message_id = any(:ids) and received_day = any(:days)""")
                .param("ids", waiting.stream().map(w -> w.message().id()).distinct().toArray(Long[]::new))
                .param("days", waiting.stream().map(w -> w.message().receivedDay()).distinct().map(Date::valueOf)
                        .toArray(Date[]::new))
                .query(Row.class).list().forEach(r -> rows.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r));
        long now = System.nanoTime();
        for (Iterator<Waiting> i = waiting.iterator(); i.hasNext(); ) {
            Waiting w = i.next();
            Outcome outcome = outcome(w, rows.getOrDefault(w.message().id(), List.of()), now);
            if (outcome != null) {
                w.done().complete(outcome);
                i.remove();
            }
        }
    }

    private static Outcome outcome(Waiting w, List<Row> rows, long now) {
        String response = null;
        String lastError = null;
        int sent = 0;
        for (Row row : rows) {
            if (!w.destinations().contains(row.destination())) {
                continue;
            }
            if ("ERRORED".equals(row.status())) {
                return new Outcome(Outcome.Kind.PARKED, row.response(), row.destination() + ": " + row.error());
            }
            if ("SENT".equals(row.status()) || "FILTERED".equals(row.status())) {
                sent++;
            } else if (row.error() != null) {
                lastError = row.destination() + ": " + row.error();
            }
            if (row.destination().equals(w.answering())) {
                response = row.response();
            }
        }
        if (sent == w.destinations().size()) {
            return new Outcome(Outcome.Kind.DELIVERED, response, null);
        }
        return now - w.deadline() >= 0 ? new Outcome(Outcome.Kind.PENDING, response, lastError) : null;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::run, "integration-delivery-outcomes");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
