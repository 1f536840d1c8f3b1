package org.medops.inspection.backups;

/** Where a backup stands: being written, complete, failed (with why), cut off by the process ending, pruned. */
enum BackupStatus {
    RUNNING, DONE, FAILED, INTERRUPTED, REMOVED
}
