package org.medops.dataaccess.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records in the trail that grants ran out. A grant stops opening content at its end whether or not this has run
 * (every check compares with the clock); the sweep makes the end visible as an entry and a status.
 */
@Component
class GrantExpiry {

    private static final Logger log = LoggerFactory.getLogger(GrantExpiry.class);

    private final AccessDesk desk;

    GrantExpiry(AccessDesk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${medops.data-access.expiry-sweep:60s}",
            initialDelayString = "${medops.data-access.expiry-sweep:60s}")
    void sweep() {
        try {
            int ended = desk.expireDue();
            if (ended > 0) {
                log.info("Data access: {} grant(s) expired", ended);
            }
        } catch (RuntimeException e) {
            log.warn("Data access expiry sweep failed this round: {}", e.toString());
        }
    }
}
