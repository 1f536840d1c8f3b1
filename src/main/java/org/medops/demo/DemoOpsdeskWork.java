package org.medops.demo;

import org.medops.opsdesk.OpsdeskWorkDemo;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo requirements, defects and changes for the ops desk pages. On application start rather than with the
 * gateway, so a console-only node shows them too; after the demo accounts (order 10) they refer to.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DemoOpsdeskWork {

    private final OpsdeskWorkDemo work;

    DemoOpsdeskWork(OpsdeskWorkDemo work) {
        this.work = work;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void seed() {
        work.seed();
    }
}
