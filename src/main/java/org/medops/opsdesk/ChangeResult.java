package org.medops.opsdesk;

/** How an executed change ended. */
enum ChangeResult {
    SUCCESS, FAILED, ROLLED_BACK
}
