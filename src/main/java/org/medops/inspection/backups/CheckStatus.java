package org.medops.inspection.backups;

/** A backup check: restoring, every table's rows as in the backup, or not (with why). */
enum CheckStatus {
    RUNNING, PASSED, FAILED
}
