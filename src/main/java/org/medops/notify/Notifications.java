package org.medops.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a message to targets without holding up the caller: each delivery is tried up to three
 * times (1 s, then 4 s apart), at most {@value #PER_MINUTE} messages a minute per target (the robots'
 * own limit is 20), and recorded either way.
 */
@Service
public class Notifications {

    static final int PER_MINUTE = 20;
    private static final long[] BACKOFF_MILLIS = {0, 1000, 4000};
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Targets targets;
    private final Senders senders;
    private final Deliveries deliveries;
    private final NotifyMetrics metrics;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "medops-notify");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    Notifications(Targets targets, Senders senders, Deliveries deliveries, NotifyMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.targets = targets;
        this.senders = senders;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The configured targets, for other modules to let an administrator choose among them. */
    public List<TargetSummary> targets() {
        return targets.all().stream().map(t -> new TargetSummary(t.id(), t.name(), t.kind(), t.enabled())).toList();
    }

    public record TargetSummary(long id, String name, TargetKind kind, boolean enabled) {
    }

    /**
     * E-mails one person (an applicant, say) who is no configured target: same retries, and recorded
     * with the address instead of a target.
     */
    public void mail(String address, Message message) {
        if (address == null || !address.matches("[^\\s@,]+@[^\\s@,]+")) {
            return;
        }
        executor.submit(() -> deliver(new Target(0, address, TargetKind.EMAIL, address, null, true), message));
    }

    public void send(List<Long> targetIds, Message message) {
        for (Long id : targetIds) {
            targets.find(id).filter(Target::enabled).ifPresent(target -> executor.submit(() -> deliver(target, message)));
        }
    }

    void deliver(Target target, Message message) {
        // The per-minute window protects the robots' own limits; a person's mailbox has none of those.
        if (target.id() != 0 && !windows.computeIfAbsent(target.id(), id -> new Window()).admit(clock.millis())) {
            deliveries.record(target, message, false, 0, "rate limited: over " + PER_MINUTE + " per minute",
                    clock.instant());
            metrics.delivered(target.kind(), false);
            return;
        }
        String error = null;
        int attempt = 0;
        for (long backoff : BACKOFF_MILLIS) {
            attempt++;
            try {
                Thread.sleep(backoff);
                senders.send(target, message);
                deliveries.record(target, message, true, attempt, null, clock.instant());
                metrics.delivered(target.kind(), true);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        log.warn("Notification to {} ({}) failed after {} attempts: {}", target.name(), target.kind(), attempt, error);
        deliveries.record(target, message, false, attempt, error, clock.instant());
        metrics.delivered(target.kind(), false);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A fixed one-minute window per target. */
    private static final class Window {
        private long minute;
        private int count;

        synchronized boolean admit(long nowMillis) {
            long current = nowMillis / 60_000;
            if (current != minute) {
                minute = current;
                count = 0;
            }
            return ++count <= PER_MINUTE;
        }
    }
}
