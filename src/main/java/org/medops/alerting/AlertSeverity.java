package org.medops.alerting;

/** How serious an alert is; the ops desk opens a ticket for {@link #CRITICAL} ones. */
public enum AlertSeverity {
    CRITICAL, WARNING, INFO
}
