package org.medops.gateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the access log's day partitions ahead of time and drops those past retention. */
final class AccessLogMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessLogMaintenance.class);
    /** Days created ahead, so a node whose clock or timer lags never writes into a missing partition. */
    private static final int DAYS_AHEAD = 2;

    private final AccessLogPartitions partitions;
    private final int retentionDays;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "medops-access-log-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    AccessLogMaintenance(AccessLogPartitions partitions, int retentionDays, Clock clock) {
        this.partitions = partitions;
        this.retentionDays = retentionDays;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::run, 0, 1, TimeUnit.HOURS);
    }

    void run() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            for (int i = 0; i <= DAYS_AHEAD; i++) {
                partitions.ensure(today.plusDays(i));
            }
            for (String partition : partitions.before(today.minusDays(retentionDays))) {
                partitions.drop(partition);
                log.info("Access log: dropped partition {} (retention {} days)", partition, retentionDays);
            }
        } catch (RuntimeException e) {
            log.warn("Access log maintenance failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
