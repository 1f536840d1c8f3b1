package org.medops.inspection;

import java.util.Map;

/**
 * Which ticket each failing item of a round opened or joined. Implemented by the ops desk (which listens to
 * {@link org.medops.inspection.CheckFailing}); inspection only asks. Absent when the ops desk is not running.
 */
public interface CheckTicketLinks {

    /** Keyed {@code target + "/" + check}. */
    Map<String, TicketRef> ticketsOf(long roundId);

    record TicketRef(long id, String number) {
    }
}
