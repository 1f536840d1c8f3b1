package org.medops.dataops.requests;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, marks the data operations a stopped MedOps left EXECUTING as INTERRUPTED ({@link DataOpsDesk#recoverInterrupted}).
 * Only the console runs data operations, so only a console node recovers them; a gateway-only node starting beside a
 * running console must not touch them.
 */
@Component
@ConditionalOnWebApplication
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final DataOpsDesk desk;
    private final Instant started = Instant.ofEpochMilli(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());

    InterruptedRuns(DataOpsDesk desk) {
        this.desk = desk;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        int count = desk.recoverInterrupted(started);
        if (count > 0) {
            log.warn("{} data operation(s) were executing when MedOps stopped: marked INTERRUPTED, to be verified", count);
        }
    }
}
