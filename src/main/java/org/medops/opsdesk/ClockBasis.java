package org.medops.opsdesk;

/** Whether a target counts working time of a business calendar or every minute of the day. */
enum ClockBasis {
    BUSINESS, CALENDAR
}
