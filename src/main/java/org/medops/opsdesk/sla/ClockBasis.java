package org.medops.opsdesk.sla;

/** Whether a target counts working time of a business calendar or every minute of the day. */
public enum ClockBasis {
    BUSINESS, CALENDAR
}
