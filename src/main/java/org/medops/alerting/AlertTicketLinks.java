package org.medops.alerting;

import java.util.Collection;
import java.util.Map;

/**
 * Which ticket each alert opened or joined. Implemented by the ops desk (which listens to {@link AlertRaised});
 * alerting only asks, so it needs no dependency on the ops desk. Absent when the ops desk is not running.
 */
public interface AlertTicketLinks {

    Map<Long, TicketRef> ticketsOf(Collection<Long> alertIds);

    record TicketRef(long id, String number) {
    }
}
