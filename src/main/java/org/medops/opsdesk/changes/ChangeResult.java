package org.medops.opsdesk.changes;

/** How an executed change ended. */
enum ChangeResult {
    SUCCESS, FAILED, ROLLED_BACK
}
