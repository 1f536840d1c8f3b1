package org.medops.integration.critical;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates unacknowledged critical values: after the department's minutes to the department head, after as many
 * again to the medical affairs office. The state is in the database (each record's level and next time, claimed in
 * SQL), so a restart loses nothing and two nodes never escalate one stage twice.
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final CriticalLoop loop;

    Escalations(CriticalLoop loop) {
        this.loop = loop;
    }

    @Scheduled(fixedDelayString = "${medops.integration.critical.escalation-check:15s}", initialDelay = 5000)
    void run() {
        try {
            loop.escalate();
        } catch (RuntimeException e) {
            log.warn("Critical-value escalation failed: {}", e.toString());
        }
    }
}
