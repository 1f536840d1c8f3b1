package org.medops.alerting;

/** Where an alert stands: OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED. */
enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
