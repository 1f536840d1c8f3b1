package org.medops.opsdesk.tickets;

/** What kind of fault; with the system it decides whether a new fault is a recurrence. */
enum FaultCategory {
    HARDWARE, SOFTWARE, NETWORK, INTERFACE, DATA, SECURITY, OTHER
}
