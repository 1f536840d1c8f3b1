package org.medops.opsdesk.sla;

/** What an SLA target measures, each on its own clock. */
public enum TargetKind {
    /** From the report to the first response (acceptance). */
    RESPONSE,
    /** From the report to the engineer's arrival on site, when on-site work is needed. */
    ARRIVAL,
    /** From the first response to the fault-location report. */
    LOCATION,
    /** From the report to the confirmed repair. */
    RESOLUTION;

    /** The clock starts when the ticket is reported, except the location report's, which starts at the response. */
    boolean startsAtResponse() {
        return this == LOCATION;
    }
}
