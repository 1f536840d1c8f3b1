package org.medops.opsdesk.changes;

/** Where a change is made; only production changes are bound to the maintenance window. */
enum ChangeEnvironment {
    PRODUCTION, TEST
}
