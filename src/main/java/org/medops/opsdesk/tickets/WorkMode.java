package org.medops.opsdesk.tickets;

/** How the engineer works the fault: remotely or on site (then the arrival target runs). */
enum WorkMode {
    REMOTE, ONSITE
}
