package org.medops.inspection.backups;

/** Who started a backup or a check: the daily or monthly schedule, a person (console, API), the demo. */
enum BackupTrigger {
    SCHEDULE, MANUAL, DEMO
}
